// The few words the EPUB edition writes itself (navigation headings, landmark
// names, colophon captions). They must be in the book's language: a screen reader
// speaks them with the voice chosen by xml:lang.

export interface Labels {
  /** Language the labels are written in. */
  lang: string;
  contents: string;
  landmarks: string;
  pages: string;
  cover: string;
  titlePage: string;
  beginReading: string;
  copyright: string;
  backToText: (n: number) => string;
  taskDone: string;
  taskOpen: string;
  publisher: string;
  published: string;
  identifier: string;
  pageNumbersFrom: (source: string) => string;
  producedWith: (generator: string) => string;
  coverAlt: (title: string, authors: string) => string;
}

const en: Labels = {
  lang: 'en',
  contents: 'Contents',
  landmarks: 'Landmarks',
  pages: 'Pages',
  cover: 'Cover',
  titlePage: 'Title page',
  beginReading: 'Begin reading',
  copyright: 'Copyright',
  backToText: (n) => `Back to note reference ${n}`,
  taskDone: 'done',
  taskOpen: 'not done',
  publisher: 'Publisher',
  published: 'Published',
  identifier: 'Identifier',
  pageNumbersFrom: (s) => `Page numbers follow the print edition, ${s}.`,
  producedWith: (g) => `Produced with ${g}.`,
  coverAlt: (t, a) => (a ? `Cover: ${t}, by ${a}` : `Cover: ${t}`),
};

const de: Labels = {
  lang: 'de',
  contents: 'Inhalt',
  landmarks: 'Orientierungspunkte',
  pages: 'Seiten',
  cover: 'Umschlag',
  titlePage: 'Titelseite',
  beginReading: 'Lesen beginnen',
  copyright: 'Impressum',
  backToText: (n) => `Zurück zum Verweis auf Anmerkung ${n}`,
  taskDone: 'erledigt',
  taskOpen: 'offen',
  publisher: 'Verlag',
  published: 'Erschienen',
  identifier: 'Kennung',
  pageNumbersFrom: (s) => `Die Seitenzahlen folgen der Druckausgabe, ${s}.`,
  producedWith: (g) => `Erstellt mit ${g}.`,
  coverAlt: (t, a) => (a ? `Umschlag: ${t}, von ${a}` : `Umschlag: ${t}`),
};

const fr: Labels = {
  lang: 'fr',
  contents: 'Table des matières',
  landmarks: 'Repères',
  pages: 'Pages',
  cover: 'Couverture',
  titlePage: 'Page de titre',
  beginReading: 'Commencer la lecture',
  copyright: 'Mentions légales',
  backToText: (n) => `Retour à l’appel de note ${n}`,
  taskDone: 'fait',
  taskOpen: 'à faire',
  publisher: 'Éditeur',
  published: 'Parution',
  identifier: 'Identifiant',
  pageNumbersFrom: (s) => `La pagination suit l’édition imprimée, ${s}.`,
  producedWith: (g) => `Produit avec ${g}.`,
  coverAlt: (t, a) => (a ? `Couverture : ${t}, par ${a}` : `Couverture : ${t}`),
};

const es: Labels = {
  lang: 'es',
  contents: 'Índice',
  landmarks: 'Puntos de referencia',
  pages: 'Páginas',
  cover: 'Cubierta',
  titlePage: 'Portada',
  beginReading: 'Empezar a leer',
  copyright: 'Créditos',
  backToText: (n) => `Volver a la llamada de nota ${n}`,
  taskDone: 'hecho',
  taskOpen: 'pendiente',
  publisher: 'Editorial',
  published: 'Publicado',
  identifier: 'Identificador',
  pageNumbersFrom: (s) => `La paginación sigue la edición impresa, ${s}.`,
  producedWith: (g) => `Producido con ${g}.`,
  coverAlt: (t, a) => (a ? `Cubierta: ${t}, de ${a}` : `Cubierta: ${t}`),
};

const BY_LANGUAGE: Record<string, Labels> = { en, de, fr, es };

/** Labels for a BCP 47 tag, by its primary language subtag; English otherwise. */
export function labelsFor(lang: string): Labels {
  const primary = lang.toLowerCase().split('-')[0];
  return BY_LANGUAGE[primary] ?? en;
}

/**
 * Attributes for an element holding label text: when the labels fell back to
 * English for a book in another language, say so, so it is read with an English voice.
 */
export function labelLang(labels: Labels, bookLang: string): string {
  const primary = bookLang.toLowerCase().split('-')[0];
  return primary === labels.lang ? '' : ` xml:lang="${labels.lang}" lang="${labels.lang}"`;
}
