import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
var g="&#8203;";var o=/(?<!&)#(?=\d)|\bGH-(?=\d)|\b(?:https?|ftp):|\bwww\./gi;function c(t,n){return t==="#"?`#${n}`:`${t.slice(0,-1)}${n}${t.slice(-1)}`}function l(t,n=1/0){let e=t.replace(/\r\n?|\n|\t/g," ").replace(/[\u0000-\u001f\u007f\u2028\u2029]/g,"");return e.length>n&&(e=`${e.slice(0,Math.max(0,n-1))}\u2026`),e.replace(/&/g,"&amp;").replace(/</g,"&lt;").replace(/>/g,"&gt;").replace(/[\\`*_[\]~|]/g,r=>`\\${r}`).replace(/@/g,`@${g}`).replace(o,r=>c(r,g))}function p(t,n=120){let e=l(t,n);return e===""?" ":e}function u(t,n,e){let r=n.map(i=>i==="right"?"---:":i==="center"?":---:":":---"),s=i=>`| ${i.join(" | ")} |`;return[s(t),s(r),...e.map(s)].join(`
`)}function a(t){return t.replace(/[\s()<>"'`\\]/g,n=>encodeURIComponent(n))}function f(t,n){return`<details>
<summary>${t}</summary>

${n}

</details>`}export{o as a,c as b,l as c,p as d,u as e,a as f,f as g};
