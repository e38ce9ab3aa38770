// DOM helpers of the summary webview. Text goes in through textContent only
// and attributes through an allow-list, so report content can never become
// markup, an event handler or a URL to load.

type Child = Node | string | number | null | undefined | false;

/** Attributes data may set: no `on*`, `style`, `src`, `href` or anything else that loads or runs. */
const ALLOWED = /^(class|id|role|title|type|tabindex|scope|colspan|for|value|placeholder|name|hidden|disabled|selected|spellcheck|autocomplete|(aria|data)-[a-z-]+)$/;
const SVG_ALLOWED = /^(class|role|viewBox|width|height|x|y|rx|ry|dx|dy|fill|text-anchor|dominant-baseline|focusable|preserveAspectRatio|(aria|data)-[a-z-]+)$/;
const SVG_NS = 'http://www.w3.org/2000/svg';

export type Attributes = Readonly<Record<string, string | number | boolean | null | undefined>>;

function setAttributes(node: Element, attributes: Attributes, allowed: RegExp): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (!allowed.test(name)) throw new Error(`attribute ${name} is not allowed`);
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(node: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** An HTML element with checked attributes and text children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  setAttributes(node, attributes, ALLOWED);
  append(node, children);
  return node;
}

/** An SVG element (createElementNS), same rules. */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  setAttributes(node, attributes, SVG_ALLOWED);
  append(node, children);
  return node;
}

/** A codicon (the font is bundled into the stylesheet). */
export function icon(name: string): HTMLSpanElement {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`bad codicon ${name}`);
  return h('span', { class: `codicon codicon-${name}`, 'aria-hidden': 'true' });
}

export function clear(node: Element): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

export function replaceChildren(node: Element, ...children: Child[]): void {
  clear(node);
  append(node, children);
}

/** A colour usable as an SVG fill: a hex colour or a CSS colour name, else undefined. */
export function safeColor(value: unknown): string | undefined {
  return typeof value === 'string' && (/^#[0-9a-fA-F]{3,8}$/.test(value) || /^[a-zA-Z]{3,30}$/.test(value)) ? value : undefined;
}

const numberFormat = new Intl.NumberFormat('en-GB');

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/** Reads back a number formatted by formatNumber. */
export function readNumber(text: string | null | undefined): number {
  const digits = (text ?? '').replace(/[^0-9]/g, '');
  return digits === '' ? NaN : Number(digits);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}
