import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
const p = unified().use(remarkParse).use(remarkGfm);
function depth(n){let d=0,s=[[n,1]];while(s.length){const[x,k]=s.pop();d=Math.max(d,k);for(const c of x.children||[])s.push([c,k+1]);}return d;}
const cases = {
  quotesOneLine: '>'.repeat(3000) + ' hi\n',
  quotesSpaced: '> '.repeat(3000) + 'hi\n',
  quotesLines: Array.from({length:3000},(_, i)=>'>'.repeat(i+1)+' x').join('\n'),
  listsOneLine: '- '.repeat(300) + 'x\n',
  listsIndented: Array.from({length:300},(_, i)=>'  '.repeat(i)+'- x').join('\n'),
  olIndented: Array.from({length:300},(_, i)=>'   '.repeat(i)+'1. x').join('\n'),
  word: 'a'.repeat(20000),
  headings: Array.from({length:2000},(_, i)=>'## H '+i+'\n\ntext').join('\n\n'),
  emph: '*'.repeat(20000) + 'x' + '*'.repeat(20000),
  brackets: '['.repeat(20000) + 'x' + ']'.repeat(20000),
  links: '[a]('.repeat(5000),
};
for (const [k, v] of Object.entries(cases)) {
  const t = performance.now();
  try { const tree = p.parse(v); console.log(k, v.length, 'ok', (performance.now()-t).toFixed(0)+'ms', 'depth', depth(tree)); }
  catch (e) { console.log(k, 'ERR', e.constructor.name, e.message.slice(0,80), (performance.now()-t).toFixed(0)+'ms'); }
}
