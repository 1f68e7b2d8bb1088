import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
var p=[["model","Model"],["version","Version"],["stage","Stage"],["action","Registry-Action"],["actor","Actor"],["run","Run"]];function f(n){return n.replace(/[\r\n]+/g," ").trim()}function x(n,r,i){let s=p.filter(([e])=>i[e]).map(([e,t])=>`${t}: ${f(String(i[e]))}`);return`${f(n)}

${r?`${r.trim()}

`:""}${s.join(`
`)}
`}var o="",l="",$=`%H${o}%aI${o}%an${o}%s${o}%(trailers:only,unfold)${l}`;function R(n,r){let i=[];for(let s of n.split(l)){let e=s.replace(/^\s+/,"");if(!e)continue;let[t,g,a,u,d=""]=e.split(o);if(!t||!g||a===void 0||u===void 0)continue;let c=m(t,g,a,u,d);!c||r&&c.model!==r||i.push(c)}return i}function y(n){let r={};for(let i of n.split(`
`)){let s=/^([A-Za-z-]+):\s*(.*)$/.exec(i.trim());s&&(r[s[1].toLowerCase()]=s[2])}return r}function m(n,r,i,s,e){let t=y(e);if(t.model)return{commit:n,date:r,author:i,subject:s,model:t.model,action:t["registry-action"]??"change",...t.version?{version:t.version}:{},...t.stage?{stage:t.stage}:{},...t.actor?{actor:t.actor}:{},...t.run?{run:t.run}:{}}}export{x as a,$ as b,R as c,m as d};
