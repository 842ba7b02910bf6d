// The few words the EPUB edition writes itself (navigation headings, landmark
// names, colophon captions). They must be in the book's language: a screen reader
// speaks them with the voice chosen by xml:lang.

export interface Labels {
  contents: string;
  landmarks: string;
  pages: string;
  cover: string;
  titlePage: string;
  beginReading: string;
  copyright: string;
  notes: string;
  backToText: (n: number) => string;
  page: (label: string) => string;
  taskDone: string;
  taskOpen: string;
  publisher: string;
  published: string;
  identifier: string;
  printEdition: string;
  pageNumbersFrom: (source: string) => string;
  producedWith: (generator: string) => string;
  coverAlt: (title: string, authors: string) => string;
  by: string;
  table: string;
}

const en: Labels = {
  contents: 'Contents',
  landmarks: 'Landmarks',
  pages: 'Pages',
  cover: 'Cover',
  titlePage: 'Title page',
  beginReading: 'Begin reading',
  copyright: 'Copyright',
  notes: 'Notes',
  backToText: (n) => `Back to note reference ${n}`,
  page: (l) => `Page ${l}`,
  taskDone: 'done',
  taskOpen: 'not done',
  publisher: 'Publisher',
  published: 'Published',
  identifier: 'Identifier',
  printEdition: 'Print edition',
  pageNumbersFrom: (s) => `Page numbers follow the print edition, ${s}.`,
  producedWith: (g) => `Produced with ${g}.`,
  coverAlt: (t, a) => (a ? `Cover: ${t}, by ${a}` : `Cover: ${t}`),
  by: 'by',
  table: 'Table',
};

const de: Labels = {
  contents: 'Inhalt',
  landmarks: 'Orientierungspunkte',
  pages: 'Seiten',
  cover: 'Umschlag',
  titlePage: 'Titelseite',
  beginReading: 'Lesen beginnen',
  copyright: 'Impressum',
  notes: 'Anmerkungen',
  backToText: (n) => `Zurück zum Verweis auf Anmerkung ${n}`,
  page: (l) => `Seite ${l}`,
  taskDone: 'erledigt',
  taskOpen: 'offen',
  publisher: 'Verlag',
  published: 'Erschienen',
  identifier: 'Kennung',
  printEdition: 'Druckausgabe',
  pageNumbersFrom: (s) => `Die Seitenzahlen folgen der Druckausgabe, ${s}.`,
  producedWith: (g) => `Erstellt mit ${g}.`,
  coverAlt: (t, a) => (a ? `Umschlag: ${t}, von ${a}` : `Umschlag: ${t}`),
  by: 'von',
  table: 'Tabelle',
};

const fr: Labels = {
  contents: 'Table des matières',
  landmarks: 'Repères',
  pages: 'Pages',
  cover: 'Couverture',
  titlePage: 'Page de titre',
  beginReading: 'Commencer la lecture',
  copyright: 'Mentions légales',
  notes: 'Notes',
  backToText: (n) => `Retour à l’appel de note ${n}`,
  page: (l) => `Page ${l}`,
  taskDone: 'fait',
  taskOpen: 'à faire',
  publisher: 'Éditeur',
  published: 'Parution',
  identifier: 'Identifiant',
  printEdition: 'Édition imprimée',
  pageNumbersFrom: (s) => `La pagination suit l’édition imprimée, ${s}.`,
  producedWith: (g) => `Produit avec ${g}.`,
  coverAlt: (t, a) => (a ? `Couverture : ${t}, par ${a}` : `Couverture : ${t}`),
  by: 'par',
  table: 'Tableau',
};

const es: Labels = {
  contents: 'Índice',
  landmarks: 'Puntos de referencia',
  pages: 'Páginas',
  cover: 'Cubierta',
  titlePage: 'Portada',
  beginReading: 'Empezar a leer',
  copyright: 'Créditos',
  notes: 'Notas',
  backToText: (n) => `Volver a la llamada de nota ${n}`,
  page: (l) => `Página ${l}`,
  taskDone: 'hecho',
  taskOpen: 'pendiente',
  publisher: 'Editorial',
  published: 'Publicado',
  identifier: 'Identificador',
  printEdition: 'Edición impresa',
  pageNumbersFrom: (s) => `La paginación sigue la edición impresa, ${s}.`,
  producedWith: (g) => `Producido con ${g}.`,
  coverAlt: (t, a) => (a ? `Cubierta: ${t}, de ${a}` : `Cubierta: ${t}`),
  by: 'de',
  table: 'Tabla',
};

const BY_LANGUAGE: Record<string, Labels> = { en, de, fr, es };

/** Labels for a BCP 47 tag, by its primary language subtag; English otherwise. */
export function labelsFor(lang: string): Labels {
  const primary = lang.toLowerCase().split('-')[0];
  return BY_LANGUAGE[primary] ?? en;
}
