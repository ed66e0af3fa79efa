import type { Theme } from 'vitepress';
import DefaultTheme from 'vitepress/theme';
import { defineAsyncComponent, h } from 'vue';
import Approximation from './components/Approximation.vue';
import Combining from './components/Combining.vue';
import Composition from './components/Composition.vue';
import Composition2D from './components/Composition2D.vue';
import ConstructionExplorer from './components/ConstructionExplorer.vue';
import ConvCalculator from './components/ConvCalculator.vue';
import DeepnetsWidget from './components/DeepnetsWidget.vue';
import DepthDemo from './components/DepthDemo.vue';
import Exercises from './components/Exercises.vue';
import Figure47 from './components/Figure47.vue';
import HyperSearch from './components/HyperSearch.vue';
import LayerPanels from './components/LayerPanels.vue';
import NetworkBuilder from './components/NetworkBuilder.vue';
import Notation from './components/Notation.vue';
import Playground from './components/Playground.vue';
import RandomLabels from './components/RandomLabels.vue';
import ReadingProgress from './components/ReadingProgress.vue';
import ReceptiveField from './components/ReceptiveField.vue';
import Sawtooth from './components/Sawtooth.vue';
import ShallowNetwork from './components/ShallowNetwork.vue';
import SweepBands from './components/SweepBands.vue';
import TwoOutputs from './components/TwoOutputs.vue';
import { usePlugins } from './plugins';
import '@deepnets/widgets/style.css';
import './widgets-theme.css';
import './reading.css';

export default {
  extends: DefaultTheme,
  Layout: () => h(DefaultTheme.Layout, null, { 'sidebar-nav-before': () => h(ReadingProgress) }),
  enhanceApp({ app }) {
    app.component('Combining', Combining);
    app.component('Composition', Composition);
    app.component('Composition2D', Composition2D);
    usePlugins();
    app.component('DeepnetsWidget', DeepnetsWidget);
    app.component('ShallowNetwork', ShallowNetwork);
    app.component('LayerPanels', LayerPanels);
    app.component('TwoOutputs', TwoOutputs);
    app.component('NetworkBuilder', NetworkBuilder);
    app.component('Notation', Notation);
    app.component('Figure47', Figure47);
    app.component('ConstructionExplorer', ConstructionExplorer);
    app.component('Sawtooth', Sawtooth);
    app.component('ConvCalculator', ConvCalculator);
    app.component('Approximation', Approximation);
    app.component('RandomLabels', RandomLabels);
    // Async: its data (the region-density curves) loads only on the page that shows it.
    app.component(
      'RegionSlices',
      defineAsyncComponent(() => import('./components/RegionSlices.vue')),
    );
    app.component('Playground', Playground);
    app.component('SweepBands', SweepBands);
    app.component('Exercises', Exercises);
    app.component('HyperSearch', HyperSearch);
    app.component('ReceptiveField', ReceptiveField);
    app.component('DepthDemo', DepthDemo);
  },
} satisfies Theme;
