import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
import{c as a}from"./chunk-N2Z43SRT.js";import{b as l}from"./chunk-IE7IY5F4.js";import{g as f}from"./chunk-VVZWD6BD.js";function d(i){if(!i.isTTY)return;let r=0,n="";return t=>{let o=Date.now();o-r<250&&t.file===n||(r=o,n=t.file,i.stderr(`\r\x1B[2Kreading ${t.file}: ${f(t.rows)} rows`))}}var y={spec:l,async run(i,r,n){let t=d(r),o=()=>{t&&r.stderr("\r\x1B[2K")},m={...n,log:s=>(o(),n.log(s)),warn:s=>(o(),n.warn(s))},e=await a(i,m,t?{onProgress:t}:{});return o(),r.stdout(i.values.json?JSON.stringify(e.json)+`
`:e.markdown+`
`),e.json.empty_current&&r.stderr(`modelci drift: the current window is empty: no rows to compare
`),e.retrain&&r.stderr(`retraining pull request: ${e.retrain.action}${e.retrain.pullUrl?` ${e.retrain.pullUrl}`:""}
`),0}};export{d as a,y as b};
