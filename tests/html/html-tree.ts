// Parses a web edition with parse5 (via hast-util-from-html), collecting HTML
// parse errors, and gives small helpers to query the tree.

import { fromHtml } from 'hast-util-from-html';
import type { Element, Root, RootContent } from 'hast';

export interface ParsedPage {
  root: Root;
  errors: string[];
  elements: Element[];
}

export function parsePage(html: string): ParsedPage {
  const errors: string[] = [];
  const root = fromHtml(html, {
    onerror: (e) => {
      errors.push(`${e.ruleId ?? ''} ${e.message} at ${e.line}:${e.column}`);
    },
  });
  const elements: Element[] = [];
  const walk = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'element') {
        elements.push(node);
        walk(node.children);
        if (node.content) walk(node.content.children);
      }
    }
  };
  walk(root.children);
  return { root, errors, elements };
}

export function textOf(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((c) => textOf(c)).join('');
  return '';
}

export function classes(el: Element): string[] {
  const c = el.properties.className;
  return Array.isArray(c) ? c.map(String) : [];
}

export function attr(el: Element, name: string): string | undefined {
  const v = el.properties[name];
  if (v === undefined || v === null || v === false) return undefined;
  return Array.isArray(v) ? v.join(' ') : String(v);
}

export function children(el: Element, tag?: string): Element[] {
  return el.children.filter((c): c is Element => c.type === 'element' && (!tag || c.tagName === tag));
}

export function descendants(el: Element | Root, pred: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  const walk = (nodes: readonly RootContent[]) => {
    for (const n of nodes) {
      if (n.type === 'element') {
        if (pred(n)) out.push(n);
        walk(n.children);
      }
    }
  };
  walk(el.children);
  return out;
}
