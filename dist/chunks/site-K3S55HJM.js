import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
import{a as i,b as l,c as a}from"./chunk-QY5X4VK6.js";import"./chunk-ER5J3XQH.js";import{a as n,b as m}from"./chunk-6WMXQ573.js";import"./chunk-BHFG3LMV.js";import"./chunk-QRSSYVZI.js";import"./chunk-TUYC4ILU.js";import"./chunk-LI6VUFCI.js";import"./chunk-UEZWE6EO.js";import"./chunk-CFNJCTRC.js";import"./chunk-JPVXVGFT.js";import"./chunk-DRCGQZUG.js";import"./chunk-2PL47CD5.js";import"./chunk-MCFM4CLT.js";import"./chunk-24GNZG5P.js";import"./chunk-CT3WWUIJ.js";import"./chunk-GCC2JMBC.js";import"./chunk-LELQE3LJ.js";import"./chunk-HW5XXTOA.js";import{resolve as d}from"node:path";import{pathToFileURL as f}from"node:url";var g={spec:n,async run(r,o,s){let e=await l(r,s);if(r.values.json)return o.stdout(JSON.stringify(e,null,2)+`
`),0;for(let t of e.notes)o.stderr(`modelci site: note: ${t}
`);for(let t of e.problems)s.warn(`${t.file}: ${t.message}`);return o.stderr(`modelci site: ${e.models} models, ${e.versions} versions, ${e.pages} files (${i(e.bytes)})${e.problems.length?`, ${e.problems.length} unreadable files shown as such`:""}
`),o.stdout(`${f(d(e.index)).href}
`),0}},w={spec:m,async run(r,o,s){let e=await a(r,s);return e.file?o.stderr(`modelci card: ${e.model} ${e.version} -> ${e.file}
`):o.stdout(e.markdown),0}};export{w as cardCommand,g as siteCommand};
