/**
 * `latexToMathml`: a tiny renderer for the LaTeX subset that core's `toLatex` writes
 * (aligned and bmatrix environments, \left[ \right], \mathbf, \boldsymbol, Greek letters,
 * subscripts, primes, numbers with \times10^{e}) into MathML Core, which browsers lay out
 * natively. Nothing from the input is inserted as markup: every token becomes a text node inside
 * a MathML element.
 *
 * Coefficients are marked so that a widget can link them to the weights they stand for: every
 * number outside a script (numeric notation), every lowercase Greek letter with a subscript
 * (theta_10, psi_12, beta_{k,i}, omega_{k,ij}) and every bold beta_k / Omega_k gets
 * `data-coef="n"`, n counting from 0 in reading order.
 */
const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';

const SYMBOLS: Record<string, [string, string]> = {
  theta: ['mi', 'θ'],
  phi: ['mi', 'φ'],
  psi: ['mi', 'ψ'],
  beta: ['mi', 'β'],
  omega: ['mi', 'ω'],
  Omega: ['mi', 'Ω'],
  Psi: ['mi', 'Ψ'],
  times: ['mo', '×'],
  cdot: ['mo', '⋅'],
  dots: ['mo', '…'],
  ldots: ['mo', '…'],
  vdots: ['mo', '⋮'],
  longrightarrow: ['mo', '⟶'],
  to: ['mo', '→'],
};
const COEFFICIENT_GREEK = new Set(['θ', 'φ', 'ψ', 'β', 'ω']);

export type LatexToken =
  | { t: 'cmd'; v: string }
  | { t: 'num'; v: string }
  | { t: 'letter'; v: string }
  | { t: 'op'; v: string }
  | { t: 'newline' };

export function tokenizeLatex(source: string): LatexToken[] {
  const tokens: LatexToken[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '\\') {
      if (source[i + 1] === '\\') {
        tokens.push({ t: 'newline' });
        i += 2;
        continue;
      }
      const match = /^[A-Za-z]+/.exec(source.slice(i + 1));
      const name = match ? match[0] : (source[i + 1] ?? '');
      tokens.push({ t: 'cmd', v: name });
      i += 1 + name.length;
    } else if (/[0-9.]/.test(c)) {
      const match = /^[0-9.]+/.exec(source.slice(i)) as RegExpExecArray;
      tokens.push({ t: 'num', v: match[0] });
      i += match[0].length;
    } else if (/[A-Za-z]/.test(c)) {
      tokens.push({ t: 'letter', v: c });
      i++;
    } else {
      tokens.push({ t: 'op', v: c });
      i++;
    }
  }
  return tokens;
}

export interface RenderedMath {
  /** The `<math display="block">` element. */
  math: Element;
  /** The marked coefficient elements, in reading order (index = `data-coef`). */
  coefficients: Element[];
}

function node(
  tag: string,
  children: (Node | string)[] = [],
  attributes: Record<string, string> = {},
): Element {
  const el = document.createElementNS(MATHML_NS, tag);
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
  for (const child of children) el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return el;
}

const isOp = (token: LatexToken | undefined, v: string) => token?.t === 'op' && token.v === v;
const isCmd = (token: LatexToken | undefined, v: string) => token?.t === 'cmd' && token.v === v;

/** Renders `latex` (the subset above) as a block `<math>` element. */
export function latexToMathml(latex: string, label?: string): RenderedMath {
  const tokens = tokenizeLatex(latex);
  const coefficients: Element[] = [];
  let pos = 0;
  let scriptDepth = 0;

  const mark = (el: Element): Element => {
    if (scriptDepth > 0) return el;
    el.setAttribute('data-coef', String(coefficients.length));
    coefficients.push(el);
    return el;
  };

  /** The name in braces after \begin / \end. */
  const readName = (): string => {
    let text = '';
    if (isOp(tokens[pos], '{')) pos++;
    while (pos < tokens.length && !isOp(tokens[pos], '}')) {
      const t = tokens[pos++] as LatexToken;
      if (t.t !== 'newline') text += t.v;
    }
    pos++;
    return text;
  };

  /** Steps over an opening brace; false when there is none. */
  const skipBrace = (): boolean => {
    if (!isOp(tokens[pos], '{')) return false;
    pos++;
    return true;
  };

  /** A script argument: a braced group or a single atom. */
  const scriptArgument = (): Element => {
    scriptDepth++;
    const el = skipBrace() ? node('mrow', parseSeq(['}'])) : (parseAtom() ?? node('mrow'));
    scriptDepth--;
    return el;
  };

  const withScripts = (base: Element, coefficient: boolean): Element => {
    let prime = false;
    let subscript: Element | undefined;
    let superscript: Element | undefined;
    for (;;) {
      const t = tokens[pos];
      if (isOp(t, "'")) {
        prime = true;
        pos++;
      } else if (isOp(t, '_')) {
        pos++;
        subscript = scriptArgument();
      } else if (isOp(t, '^')) {
        pos++;
        superscript = scriptArgument();
      } else break;
    }
    if (prime) superscript = node('mo', ['′']);
    let el = base;
    if (subscript && superscript) el = node('msubsup', [base, subscript, superscript]);
    else if (subscript) el = node('msub', [base, subscript]);
    else if (superscript) el = node('msup', [base, superscript]);
    return coefficient && subscript ? mark(el) : el;
  };

  const environment = (name: string): Element => {
    const rows: Element[][] = [[]];
    let cell: Element[] = [];
    const finishCell = () => {
      (rows[rows.length - 1] as Element[]).push(node('mtd', [node('mrow', cell)]));
      cell = [];
    };
    while (pos < tokens.length) {
      const t = tokens[pos];
      if (isCmd(t, 'end')) {
        pos++;
        readName();
        break;
      }
      if (t?.t === 'newline') {
        pos++;
        finishCell();
        rows.push([]);
      } else if (isOp(t, '&')) {
        pos++;
        finishCell();
      } else {
        cell.push(...parseSeq(['&', '\\\\', 'end'], true));
      }
    }
    finishCell();
    // Brackets are drawn by CSS borders (class dn-bmatrix), so they stretch without a math font.
    return node(
      'mtable',
      rows.filter((r) => r.length > 0).map((r) => node('mtr', r)),
      name === 'aligned' ? { columnalign: 'right left', class: 'dn-aligned' } : { class: 'dn-bmatrix' },
    );
  };

  function parseAtom(): Element | undefined {
    const t = tokens[pos++];
    if (!t) return undefined;
    switch (t.t) {
      case 'num': {
        if (isCmd(tokens[pos], 'times') && tokens[pos + 1]?.t === 'num' && isOp(tokens[pos + 2], '^')) {
          pos += 2;
          scriptDepth++;
          const power = withScripts(node('mn', [(tokens[pos - 1] as { v: string }).v]), false);
          scriptDepth--;
          return mark(node('mrow', [node('mn', [t.v]), node('mo', ['×']), power]));
        }
        return mark(node('mn', [t.v]));
      }
      case 'letter':
        return withScripts(node('mi', [t.v]), false);
      case 'newline':
        return node('mspace', [], { linebreak: 'newline' });
      case 'op': {
        if (t.v === '{') return withScripts(node('mrow', parseSeq(['}'])), false);
        return node('mo', [t.v === '-' ? '−' : t.v]);
      }
      case 'cmd': {
        if (t.v === 'begin') return environment(readName());
        if (t.v === 'left') {
          // \left[ ... \right]: one group whose brackets are CSS borders (class dn-fence).
          pos++;
          const inner = parseSeq(['right']);
          pos += 2;
          return node('mrow', inner, { class: 'dn-fence' });
        }
        if (t.v === 'mathbf' || t.v === 'boldsymbol') {
          const inner = skipBrace() ? parseSeq(['}']) : [parseAtom() ?? node('mrow')];
          for (const el of inner) {
            if (el.localName === 'mi' && t.v === 'mathbf') el.setAttribute('mathvariant', 'normal');
            el.setAttribute('class', 'dn-bold');
          }
          const letter = inner.length === 1 ? (inner[0]?.textContent ?? '') : '';
          const base = inner.length === 1 ? (inner[0] as Element) : node('mrow', inner);
          return withScripts(base, t.v === 'boldsymbol' && (letter === 'β' || letter === 'Ω'));
        }
        if (t.v === 'quad' || t.v === 'qquad' || t.v === ',') {
          return node('mspace', [], { width: t.v === 'qquad' ? '2em' : t.v === ',' ? '0.17em' : '1em' });
        }
        const symbol = SYMBOLS[t.v];
        if (!symbol) return node('mi', [t.v], { mathvariant: 'normal' });
        const el = node(symbol[0], [symbol[1]]);
        return symbol[0] === 'mi' ? withScripts(el, COEFFICIENT_GREEK.has(symbol[1])) : el;
      }
    }
  }

  /** Atoms until one of `stops` ("}", "&", "\\\\" for a row break, "end", "right"); consumes a final "}". */
  function parseSeq(stops: string[], keepStop = false): Element[] {
    const out: Element[] = [];
    while (pos < tokens.length) {
      const t = tokens[pos] as LatexToken;
      const stop =
        (t.t === 'op' && stops.includes(t.v)) ||
        (t.t === 'newline' && stops.includes('\\\\')) ||
        (t.t === 'cmd' && t.v === 'end' && stops.includes('end')) ||
        (t.t === 'cmd' && t.v === 'right' && stops.includes('right'));
      if (stop) {
        if (!keepStop && t.t === 'op' && t.v === '}') pos++;
        break;
      }
      const atom = parseAtom();
      if (atom) out.push(atom);
    }
    return out;
  }

  const math = node('math', [node('mrow', parseSeq([]))], { display: 'block' });
  if (label) math.setAttribute('aria-label', label);
  return { math, coefficients };
}
