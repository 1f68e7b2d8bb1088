import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
var p=[["model","Model"],["version","Version"],["stage","Stage"],["action","Registry-Action"],["actor","Actor"],["run","Run"],["evaluationRequired","Evaluation-Required"]];function l(e){return e.replace(/[\r\n]+/g," ").trim()}function R(e,r,n){let i=p.filter(([s])=>n[s]!==void 0&&n[s]!=="").map(([s,t])=>`${t}: ${l(String(n[s]))}`);return`${l(e)}

${r?`${r.trim()}

`:""}${i.join(`
`)}
`}var o="",d="",v=`%H${o}%aI${o}%an${o}%s${o}%(trailers:only,unfold)${d}`;function x(e,r){let n=[];for(let i of e.split(d)){let s=i.replace(/^\s+/,"");if(!s)continue;let[t,c,g,u,f=""]=s.split(o);if(!t||!c||g===void 0||u===void 0)continue;let a=m(t,c,g,u,f);!a||r&&a.model!==r||n.push(a)}return n}function y(e){let r={};for(let n of e.split(`
`)){let i=/^([A-Za-z-]+):\s*(.*)$/.exec(n.trim());i&&(r[i[1].toLowerCase()]=i[2])}return r}function m(e,r,n,i,s){let t=y(s);if(t.model)return{commit:e,date:r,author:n,subject:i,model:t.model,action:t["registry-action"]??"change",...t.version?{version:t.version}:{},...t.stage?{stage:t.stage}:{},...t.actor?{actor:t.actor}:{},...t.run?{run:t.run}:{},...t["evaluation-required"]?{evaluation_required:t["evaluation-required"]==="true"}:{}}}export{R as a,v as b,x as c,m as d};
