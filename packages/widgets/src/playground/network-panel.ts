/**
 * The playground's network diagram: every weight Omega_k[i, j] is a line and every bias beta_k[i]
 * the ring of its unit, the output bias beta_K included; hovering or tapping one reads its value
 * in the line under the diagram. Under it, Export network / Open network… (a `deepnets.network/v1`
 * file, also by dropping it on the widget).
 */
import type { Network } from '@deepnets/core';
import { htmlElement } from '../kit/dom.ts';
import {
  type CoefRef,
  createNetworkDiagram,
  describeRef,
  type NetworkDiagram,
} from '../kit/network-diagram.ts';
import { createNetworkFileControls, type NetworkFileControls } from '../kit/network-file.ts';

const HINT = 'Point at a line (a weight Ω) or a unit (its bias β; the output unit shows the output bias).';

/** Every weight is a hover target up to this many (6 layers of 32 units have 4,288). */
const EDGE_LIMIT = 5000;

export interface NetworkPanel {
  diagram: NetworkDiagram;
  files: NetworkFileControls;
  /** The line that reads the coefficient under the pointer. */
  readout: HTMLElement;
  draw(net: Network | undefined): void;
  destroy(): void;
}

export function createNetworkPanel(
  panels: HTMLElement,
  toolbarParent: HTMLElement,
  options: {
    network(): Network | undefined;
    open(net: Network, fileName: string): void;
    check(net: Network): void;
  },
): NetworkPanel {
  const figure = htmlElement('figure', { class: 'dn-cmp-panel', 'data-panel': 'network' }, panels);
  const diagram = createNetworkDiagram(figure, { width: 320, height: 220, edgeLimit: EDGE_LIMIT });
  const readout = htmlElement('figcaption', { class: 'dn-cmp-caption', 'data-role': 'weight' }, figure);
  readout.textContent = HINT;
  let hovered: CoefRef | undefined;
  let drawn: Network | undefined;
  const read = () => {
    const net = options.network();
    readout.textContent = hovered && net ? describeRef(net, hovered) : HINT;
  };
  diagram.onHover((ref) => {
    hovered = ref;
    diagram.highlight(ref);
    read();
  });
  const files = createNetworkFileControls(toolbarParent, {
    name: 'playground-network',
    network: options.network,
    open: options.open,
    check: options.check,
  });
  return {
    diagram,
    files,
    readout,
    draw(net) {
      files.refresh();
      if (!net) return;
      if (net !== drawn) {
        const sameShape =
          drawn !== undefined &&
          drawn.layers.length === net.layers.length &&
          drawn.layers.every((l, k) => l.weights.length === net.layers[k]?.weights.length);
        if (!sameShape) hovered = undefined;
        drawn = net;
        diagram.draw(net);
        if (hovered) diagram.highlight(hovered);
      }
      read();
    },
    destroy: files.destroy,
  };
}
