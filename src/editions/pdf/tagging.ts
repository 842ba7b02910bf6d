// The tagged-PDF structure tree, built while pages are drawn.
//
// Layout creates `StructNode`s in reading order; the first time something owned by
// a node is drawn, the matching pdfkit structure element is created and attached
// to its parent, so the tree's order is the order content first appears — body
// text in reading order, a footnote right after the paragraph citing it. Every
// drawn piece of content is one marked-content sequence owned by one element;
// everything else is an Artifact. Link elements are ended with their page, because
// pdfkit records an annotation's page (/Pg) when the element is flushed.

import type { Doc } from './setter.js';
import type { StructNode } from './flow.js';

/** The slice of pdfkit's (untyped) structure element the composer uses. */
export interface StructElement {
  add(child: unknown): StructElement;
  end(): void;
  dictionary: { data: Record<string, unknown> };
}

interface MarkingDoc {
  struct(type: string, options?: Record<string, unknown>): StructElement;
  addStructure(el: StructElement): void;
  markStructureContent(tag: string, options?: Record<string, unknown>): unknown;
  markContent(tag: string, options?: Record<string, unknown>): void;
  endMarkedContent(): void;
  getStructTreeRoot(): { data: Record<string, unknown> };
}

export type ArtifactType = 'Pagination' | 'Layout';

export class Tagger {
  private readonly doc: MarkingDoc;
  private readonly global = new Map<StructNode, StructElement>();
  private readonly scopes = new Map<string, Map<StructNode, StructElement>>();
  private pageLinks: StructElement[] = [];
  private readonly ids: Array<[string, StructElement]> = [];
  readonly root: StructElement;

  constructor(doc: Doc, documentNode: StructNode) {
    this.doc = doc as unknown as MarkingDoc;
    this.root = this.doc.struct(documentNode.type);
    this.doc.addStructure(this.root);
    this.global.set(documentNode, this.root);
  }

  private map(scope?: string): Map<StructNode, StructElement> {
    if (!scope) return this.global;
    let m = this.scopes.get(scope);
    if (!m) {
      m = new Map();
      this.scopes.set(scope, m);
    }
    return m;
  }

  /** The element for a node, created (with its ancestors) on first use. */
  element(node: StructNode, scope?: string, bbox?: [number, number, number, number]): StructElement {
    const map = this.map(scope);
    const existing = map.get(node);
    if (existing) return existing;
    if (!node.parent) throw new Error(`structure element ${node.type} has no parent in scope ${scope ?? 'body'}`);
    const parent = this.element(node.parent, scope);
    const options: Record<string, unknown> = {};
    if (node.alt) options.alt = node.alt;
    if (node.scope) options.scope = node.scope;
    if (node.bbox && bbox) options.bbox = bbox;
    const el = this.doc.struct(node.type, options);
    parent.add(el);
    map.set(node, el);
    if (node.type === 'Link') this.pageLinks.push(el);
    return el;
  }

  /** A new Link element under `parent`, ended with the page. */
  link(parent: StructElement): StructElement {
    const el = this.doc.struct('Link');
    parent.add(el);
    this.pageLinks.push(el);
    return el;
  }

  /** Attaches a footnote occurrence's Note element under the element citing it (once). */
  attachNote(scope: string, root: StructNode, parent: StructElement, id: string): StructElement {
    const map = this.map(scope);
    const existing = map.get(root);
    if (existing) return existing;
    const el = this.doc.struct(root.type);
    el.dictionary.data.ID = new String(id);
    this.ids.push([id, el]);
    parent.add(el);
    map.set(root, el);
    return el;
  }

  hasNote(scope: string, root: StructNode): boolean {
    return this.scopes.get(scope)?.has(root) ?? false;
  }

  /** Draws content as one marked-content sequence owned by `el`. */
  content<T>(el: StructElement, tag: string, draw: () => T): T {
    const mc = this.doc.markStructureContent(tag);
    const result = draw();
    this.doc.endMarkedContent();
    el.add(mc);
    return result;
  }

  artifact<T>(type: ArtifactType, draw: () => T): T {
    this.doc.markContent('Artifact', { type });
    const result = draw();
    this.doc.endMarkedContent();
    return result;
  }

  /** Ends the page's Link elements so their annotation references name this page. */
  endPage(): void {
    for (const el of this.pageLinks) el.end();
    this.pageLinks = [];
  }

  /** Registers element IDs (notes) in the structure tree's IDTree. */
  finish(): void {
    if (this.ids.length === 0) return;
    const sorted = [...this.ids].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const names: unknown[] = [];
    for (const [id, el] of sorted) names.push(new String(id), el.dictionary);
    this.doc.getStructTreeRoot().data.IDTree = { Names: names };
  }
}
