/**
 * Name types that plugins can extend, so their names autocomplete in editors.
 *
 *   declare module '@deepnets/core' {
 *     interface Register { 'activation:example/two-sided-relu': true }
 *   }
 *
 * after which `ActivationName` (used by `Network.activation`) offers `'example/two-sided-relu'`
 * next to the built-in names. Any string is still accepted at the type level (unknown names are
 * caught at run time with the list of known ones), so augmentation is optional.
 */
import type { RegistryKind } from './registry.ts';

/**
 * Augment with one `'<kind>:<name>': true` entry per contributed name. Keys from many plugins
 * merge, so every plugin can declare its own names.
 */
// biome-ignore lint/suspicious/noEmptyInterface: an interface for module augmentation
export interface Register {}

/** Names of the built-in activations. */
export type BuiltinActivationName =
  | 'relu'
  | 'leaky-relu'
  | 'abs'
  | 'hard-tanh'
  | 'identity'
  | 'tanh'
  | 'sigmoid'
  | 'softplus'
  | 'gelu';

/** Names registered for `kind` through `Register`. */
export type RegisteredName<K extends RegistryKind | string> = keyof Register extends infer Key
  ? Key extends `${K}:${infer Name}`
    ? Name
    : never
  : never;

/** Any string, with the known names offered first by editors. */
export type LooseName<Known extends string> = Known | (string & {});

/** An activation name: built-in, registered through `Register`, or any other string. */
export type ActivationName = LooseName<BuiltinActivationName | RegisteredName<'activation'>>;
