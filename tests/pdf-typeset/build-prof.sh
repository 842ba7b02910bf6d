#!/bin/sh
# Compiles the typesetter and the corpus to tests/pdf-typeset/.build so that bench.mjs
# can run under plain node (and node --cpu-prof).
set -e
cd "$(dirname "$0")/../.."
rm -rf tests/pdf-typeset/.build
npx tsc --ignoreConfig --outDir tests/pdf-typeset/.build --rootDir . --module nodenext --target es2022 \
  --moduleResolution nodenext --skipLibCheck --types node,pdfkit --strict \
  src/editions/pdf/typeset/index.ts tests/pdf-typeset/corpus.ts
cp tests/pdf-typeset/bench.mjs tests/pdf-typeset/.build/
