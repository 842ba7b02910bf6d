import * as fontkit from 'fontkit';
import fs from 'node:fs';
const f = fontkit.openSync('node_modules/@expo-google-fonts/source-serif-4/400Regular/SourceSerif4_400Regular.ttf');
console.log('GSUB features', f.GSUB.featureList.map(x=>x.tag).filter((v,i,a)=>a.indexOf(v)===i).join(' '));
console.log('GPOS features', f.GPOS.featureList.map(x=>x.tag).filter((v,i,a)=>a.indexOf(v)===i).join(' '));
console.log('available', f.availableFeatures.join(' '));
const text = fs.readFileSync('manuscript/article.md','utf8');
const words=[...new Set(text.split(/\s+/))];
for (let k=0;k<3;k++) for (const w of words) f.layout(w);
let t=performance.now();
for (let k=0;k<20;k++) f.layout('ab'+k%10);
console.log('3-char µs', (performance.now()-t)*1000/20);
t=performance.now();
for (let k=0;k<200;k++) f.layout('abcdefghijklmnop');
console.log('16-char µs', (performance.now()-t)*1000/200);
// check fast path
const adv = new Map(), kern = new Map(), lig = new Set();
const gl = (c)=>f.glyphForCodePoint(c.codePointAt(0));
function pair(a,b){const k=a+b; if(kern.has(k)) return kern.get(k); const r=f.layout(k); let v; if(r.glyphs.length!==2) {lig.add(k); v=null;} else v=r.advanceWidth-gl(a).advanceWidth-gl(b).advanceWidth; kern.set(k,v); return v;}
let bad=0, ligw=0, tot=0;
t=performance.now();
for (const w of words) { const cs=[...w]; let width=0, ok=true; for (let i=0;i<cs.length;i++){ width+=gl(cs[i]).advanceWidth; if(i+1<cs.length){const kv=pair(cs[i],cs[i+1]); if(kv===null){ok=false;} else width+=kv;} } tot++; if(!ok){ligw++; continue;} const real=f.layout(w); if (Math.abs(real.advanceWidth-width)>1e-9 || real.glyphs.length!==cs.length) {bad++; if(bad<10) console.log('mismatch', w, real.advanceWidth, width, real.glyphs.map(g=>g.id), cs.map(c=>gl(c).id));}}
console.log({tot, bad, ligw, pairs: kern.size, ligs:[...lig]}, 'ms', performance.now()-t);
