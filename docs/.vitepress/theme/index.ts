import type { Theme } from 'vitepress';
import DefaultTheme from 'vitepress/theme';
import ShallowNetwork from './components/ShallowNetwork.vue';
import './widgets.css';

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('ShallowNetwork', ShallowNetwork);
  },
} satisfies Theme;
