/** Browser tests render math synchronously, as a page does once the kit's `loadMath` resolved. */
import { loadMath } from '../kit/latex-mathml.ts';

await loadMath();
