/**
 * `latexToMathml`: TeX to MathML Core through Temml (browsers lay MathML out natively; no math
 * fonts are shipped). Temml parses the LaTeX that core's `toLatex` and the widgets write; nothing
 * from the input becomes markup other than the MathML Temml builds (its `\class` is the only
 * command enabled by `trust`, and only for the kit's own bold marker).
 *
 * Coefficients are marked so that a widget can link them to the weights they stand for: every
 * number outside a script (numeric notation, `1.5 × 10⁻³` as one), every lowercase Greek letter
 * with a subscript (theta_10, psi_12, beta_{k,i}, omega_{k,ij}, phi'_0) and every bold beta_k /
 * Omega_k gets `data-coef="n"`, n counting from 0 in reading order.
 */
import temml from 'temml';

export interface RenderedMath {
  /** The `<math display="block">` element. */
  math: Element;
  /** The marked coefficient elements, in reading order (index = `data-coef`). */
  coefficients: Element[];
}

const COEFFICIENT_GREEK = new Set(['θ', 'φ', 'ψ', 'β', 'ω']);
const BOLD_COEFFICIENT = new Set(['β', 'Ω']);
const SCRIPTED = new Set(['msub', 'msup', 'msubsup']);

/**
 * The lecture's glyphs and bold style: `\phi` is drawn φ (as in the lecture, not TeX's ϕ) and bold
 * Greek keeps its letter (θ in bold, not the math-alphanumeric 𝜽) so text search and the marks work.
 */
function prepare(latex: string): string {
  return latex
    .replace(/\\phi(?![A-Za-z])/g, '\\varphi')
    .replace(/\\(?:boldsymbol|mathbf)\{(\\[A-Za-z]+)\}/g, '\\class{dn-bold}{$1}');
}

/** True when `el` sits in the script (not the base) of a msub/msup/msubsup below `top`. */
function inScript(el: Element, top: Element): boolean {
  for (
    let child = el, parent = el.parentElement;
    parent && child !== top;
    child = parent, parent = parent.parentElement
  ) {
    if (SCRIPTED.has(parent.localName) && parent.firstElementChild !== child) return true;
  }
  return false;
}

/** The marked element for `el` when it is a coefficient, else undefined. */
function coefficientOf(el: Element): Element | undefined {
  if (el.localName === 'mn') {
    const times = el.nextElementSibling;
    const power = times?.nextElementSibling;
    if (
      times?.textContent === '×' &&
      power?.localName === 'msup' &&
      power.firstElementChild?.textContent === '10'
    ) {
      const group = el.ownerDocument.createElementNS(el.namespaceURI, 'mrow');
      el.replaceWith(group);
      group.append(el, times, power);
      return group;
    }
    return el;
  }
  if (el.localName !== 'msub' && el.localName !== 'msubsup') return undefined;
  const base = el.firstElementChild;
  const letter = base?.textContent?.trim() ?? '';
  const bold = base?.classList.contains('dn-bold') ?? false;
  return (bold ? BOLD_COEFFICIENT : COEFFICIENT_GREEK).has(letter) ? el : undefined;
}

/** Renders `latex` as a block `<math>` element with its coefficients marked. */
export function latexToMathml(latex: string, label?: string): RenderedMath {
  const holder = document.createElement('div');
  temml.render(prepare(latex), holder, {
    displayMode: true,
    throwOnError: false,
    trust: (context) => context.command === '\\class' && context.class === 'dn-bold',
  });
  const math = holder.firstElementChild as Element;
  if (label) math.setAttribute('aria-label', label);
  const coefficients: Element[] = [];
  const claimed = new Set<Element>();
  for (const el of [...math.querySelectorAll('mn, msub, msubsup')]) {
    if (claimed.has(el) || [...claimed].some((c) => c.contains(el)) || inScript(el, math)) continue;
    const coefficient = coefficientOf(el);
    if (!coefficient) continue;
    coefficient.setAttribute('data-coef', String(coefficients.length));
    coefficients.push(coefficient);
    claimed.add(coefficient);
  }
  return { math, coefficients };
}
