import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
function i(s){if(!s||s==="/")return"";let t="";for(let r of s.split("/").slice(1)){let e=r.replace(/~1/g,"/").replace(/~0/g,"~");/^\d+$/.test(e)?t+=`[${e}]`:/^[A-Za-z0-9_-]+$/.test(e)?t+=t?`.${e}`:e:t+=`[${JSON.stringify(e)}]`}return t}export{i as a};
