/**
 * `parent.replaceChildren(...nodes)` for browsers without it (Safari < 14, Chrome < 86 — still on
 * older iPads that elderly citizens use).
 */
export function replaceChildren(parent: ParentNode, ...nodes: Node[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  for (const node of nodes) parent.appendChild(node);
}
