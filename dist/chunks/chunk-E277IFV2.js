import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
import{b as f}from"./chunk-LWBIFELG.js";import{b as l}from"./chunk-MSF3XC7F.js";function d(i){if(!i.isTTY)return;let r=0,n="";return e=>{let o=Date.now();o-r<250&&e.file===n||(r=o,n=e.file,i.stderr(`\r\x1B[2Kreading ${e.file}: ${e.rows.toLocaleString("en-US")} rows`))}}var g={spec:l,async run(i,r,n){let e=d(r),o=()=>{e&&r.stderr("\r\x1B[2K")},a={...n,log:s=>(o(),n.log(s)),warn:s=>(o(),n.warn(s))},t=await f(i,a,e?{onProgress:e}:{});return o(),r.stdout(i.values.json?JSON.stringify(t.json)+`
`:t.markdown+`
`),t.json.empty_current&&r.stderr(`modelci drift: the current window is empty: no rows to compare
`),t.retrain&&r.stderr(`retraining pull request: ${t.retrain.action}${t.retrain.pullUrl?` ${t.retrain.pullUrl}`:""}
`),0}};export{d as a,g as b};
