import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
var g="&#8203;";function c(t,n=1/0){let e=t.replace(/\r\n?|\n|\t/g," ").replace(/[\u0000-\u001f\u007f\u2028\u2029]/g,"");return e.length>n&&(e=`${e.slice(0,Math.max(0,n-1))}\u2026`),e.replace(/&/g,"&amp;").replace(/</g,"&lt;").replace(/>/g,"&gt;").replace(/[\\`*_[\]~|]/g,i=>`\\${i}`).replace(/@/g,`@${g}`)}function l(t,n=120){let e=c(t,n);return e===""?" ":e}function o(t,n,e){let i=n.map(r=>r==="right"?"---:":r==="center"?":---:":":---"),s=r=>`| ${r.join(" | ")} |`;return[s(t),s(i),...e.map(s)].join(`
`)}function p(t){return t.replace(/[\s()<>"'`\\]/g,n=>encodeURIComponent(n))}function a(t,n){return`<details>
<summary>${t}</summary>

${n}

</details>`}export{l as a,o as b,p as c,a as d};
