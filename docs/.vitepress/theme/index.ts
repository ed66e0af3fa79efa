import type { Theme } from 'vitepress';
import DefaultTheme from 'vitepress/theme';
import { type Component, defineAsyncComponent, h } from 'vue';
import ReadingProgress from './components/ReadingProgress.vue';
import { usePlugins } from './plugins';
import '@deepnets/widgets/style.css';
import './widgets-theme.css';
import './reading.css';

/**
 * Every widget component is loaded on demand: a page fetches the code (and build-time data such
 * as the region-density curves or the sweeps' band plots) of the widgets it shows, not of all of
 * them, and the theme chunk every page loads stays small.
 */
const widgets: Record<string, () => Promise<Component>> = {
  Approximation: () => import('./components/Approximation.vue'),
  Combining: () => import('./components/Combining.vue'),
  Composition: () => import('./components/Composition.vue'),
  Composition2D: () => import('./components/Composition2D.vue'),
  ConstructionExplorer: () => import('./components/ConstructionExplorer.vue'),
  ConvCalculator: () => import('./components/ConvCalculator.vue'),
  DeepnetsWidget: () => import('./components/DeepnetsWidget.vue'),
  DepthDemo: () => import('./components/DepthDemo.vue'),
  Exercises: () => import('./components/Exercises.vue'),
  Figure47: () => import('./components/Figure47.vue'),
  HyperSearch: () => import('./components/HyperSearch.vue'),
  LayerPanels: () => import('./components/LayerPanels.vue'),
  NetworkBuilder: () => import('./components/NetworkBuilder.vue'),
  Notation: () => import('./components/Notation.vue'),
  Playground: () => import('./components/Playground.vue'),
  RandomLabels: () => import('./components/RandomLabels.vue'),
  ReceptiveField: () => import('./components/ReceptiveField.vue'),
  RegionSlices: () => import('./components/RegionSlices.vue'),
  Sawtooth: () => import('./components/Sawtooth.vue'),
  ShallowNetwork: () => import('./components/ShallowNetwork.vue'),
  SweepBands: () => import('./components/SweepBands.vue'),
  TwoOutputs: () => import('./components/TwoOutputs.vue'),
};

export default {
  extends: DefaultTheme,
  Layout: () => h(DefaultTheme.Layout, null, { 'sidebar-nav-before': () => h(ReadingProgress) }),
  enhanceApp({ app }) {
    usePlugins();
    for (const [name, load] of Object.entries(widgets)) app.component(name, defineAsyncComponent(load));
  },
} satisfies Theme;
