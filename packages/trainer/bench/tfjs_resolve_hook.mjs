/**
 * A Node module-resolution hook for tfjs_epoch.mjs --mode autograd. tfjs-core's ES module build
 * (dist/*.js, where register_all_gradients.js lives) writes relative imports without the file
 * extension, as bundlers accept and Node does not: `./gradients/Abs_grad` means
 * `./gradients/Abs_grad.js`, and `./gradients` means `./gradients.js` next to a directory of that
 * name. A relative specifier that does not resolve is retried with `.js` appended.
 */
export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    if (!specifier.startsWith('.')) throw error;
    return nextResolve(`${specifier}.js`, context);
  }
}
