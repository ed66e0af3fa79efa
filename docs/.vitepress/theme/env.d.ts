declare module '*.vue' {
  import type { DefineComponent } from 'vue';

  const component: DefineComponent<object, object, unknown>;
  export default component;
}

/** The region-density experiment's saved networks, one lazy chunk each (../region-snapshots.ts). */
declare module 'virtual:region-snapshots' {
  import type { SnapshotFile } from '@deepnets/widgets';

  const files: Record<string, SnapshotFile>;
  export default files;
}
