/**
 * `latexToMathml`: TeX to MathML Core through Temml (browsers lay MathML out natively; no math
 * fonts are shipped). Temml parses the LaTeX that core's `toLatex` and the widgets write; nothing
 * from the input becomes markup other than the MathML Temml builds (its `\class` is the only
 * command enabled by `trust`, and only for the kit's own bold marker).
 *
 * Temml is loaded on demand (`loadMath`), so the widgets' chunk does not carry it.
 *
 * Coefficients are marked so that a widget can link them to the weights they stand for: every
 * number outside a script (numeric notation, `1.5 × 10⁻³` as one), every lowercase Greek letter
 * with a subscript (theta_10, psi_12, beta_{k,i}, omega_{k,ij}, phi'_0) and every bold beta_k /
 * Omega_k gets `data-coef="n"`, n counting from 0 in reading order.
 */
type Temml = typeof import('temml').default;

let engine: Temml | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads Temml (a separate chunk, fetched only by pages that show math). `latexToMathml` called
 * before it resolves returns a placeholder `<math>` that is filled in, marks included, once loaded.
 */
export function loadMath(): Promise<void> {
  loading ??= import('temml').then((module) => {
    engine = module.default;
  });
  return loading;
}

/** True once Temml is loaded (then `latexToMathml` renders at once). */
export const mathReady = (): boolean => engine !== undefined;

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
  const math = document.createElementNS('http://www.w3.org/1998/Math/MathML', 'math');
  math.setAttribute('display', 'block');
  if (label) math.setAttribute('aria-label', label);
  const coefficients: Element[] = [];
  const fill = (temml: Temml) => {
    const holder = document.createElement('div');
    temml.render(prepare(latex), holder, {
      displayMode: true,
      throwOnError: false,
      trust: (context: { command?: string; class?: string }) =>
        context.command === '\\class' && context.class === 'dn-bold',
    });
    const rendered = holder.firstElementChild as Element;
    for (const { name, value } of [...rendered.attributes]) math.setAttribute(name, value);
    math.replaceChildren(...rendered.childNodes);
    markCoefficients(math, coefficients);
  };
  if (engine) {
    fill(engine);
  } else {
    math.append(document.createElementNS(math.namespaceURI, 'mtext'));
    (math.firstChild as Element).textContent = '…';
    void loadMath().then(() => fill(engine as Temml));
  }
  return { math, coefficients };
}

/** Marks the coefficients of `math` (`data-coef`, reading order) and collects them in `out`. */
function markCoefficients(math: Element, out: Element[]): void {
  const claimed = new Set<Element>();
  for (const el of [...math.querySelectorAll('mn, msub, msubsup')]) {
    if ([...claimed].some((c) => c.contains(el)) || inScript(el, math)) continue;
    const coefficient = coefficientOf(el);
    if (!coefficient) continue;
    coefficient.setAttribute('data-coef', String(out.length));
    out.push(coefficient);
    claimed.add(coefficient);
  }
}
