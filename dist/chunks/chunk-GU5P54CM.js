import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
import{b as f}from"./chunk-TXV37WFJ.js";import{b as l}from"./chunk-GCXM5YAT.js";function d(i){if(!i.isTTY)return;let e=0,t="";return r=>{let n=Date.now();n-e<250&&r.file===t||(e=n,t=r.file,i.stderr(`\r\x1B[2Kreading ${r.file}: ${r.rows.toLocaleString("en-US")} rows`))}}var p={spec:l,async run(i,e,t){let r=d(e),n=()=>{r&&e.stderr("\r\x1B[2K")},a={...t,log:s=>(n(),t.log(s)),warn:s=>(n(),t.warn(s))},o=await f(i,a,r?{onProgress:r}:{});return n(),e.stdout(i.values.json?JSON.stringify(o.json)+`
`:o.markdown+`
`),o.retrain&&e.stderr(`retraining pull request: ${o.retrain.action}${o.retrain.pullUrl?` ${o.retrain.pullUrl}`:""}
`),0}};export{d as a,p as b};
