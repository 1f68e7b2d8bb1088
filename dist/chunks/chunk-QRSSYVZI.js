import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
var g="&#8203;";function c(n,t=1/0){let e=n.replace(/\r\n?|\n|\t/g," ").replace(/[\u0000-\u001f\u007f\u2028\u2029]/g,"");return e.length>t&&(e=`${e.slice(0,Math.max(0,t-1))}\u2026`),e.replace(/&/g,"&amp;").replace(/</g,"&lt;").replace(/>/g,"&gt;").replace(/[\\`*_[\]~|]/g,i=>`\\${i}`).replace(/@/g,`@${g}`)}function o(n,t=120){let e=c(n,t);return e===""?" ":e}function l(n,t,e){let i=t.map(r=>r==="right"?"---:":r==="center"?":---:":":---"),s=r=>`| ${r.join(" | ")} |`;return[s(n),s(i),...e.map(s)].join(`
`)}function p(n){return n.replace(/[\s()<>"'`\\]/g,t=>encodeURIComponent(t))}function a(n,t){return`<details>
<summary>${n}</summary>

${t}

</details>`}export{c as a,o as b,l as c,p as d,a as e};
