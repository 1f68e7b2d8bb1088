import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
var y=[["model","Model"],["version","Version"],["stage","Stage"],["action","Registry-Action"],["actor","Actor"],["run","Run"]];function f(r){return r.replace(/[\r\n]+/g," ").trim()}function $(r,i,s){let c=y.filter(([n])=>s[n]).map(([n,o])=>`${o}: ${f(String(s[n]))}`);return`${f(r)}

${i?`${i.trim()}

`:""}${c.join(`
`)}
`}var e="",m="",x=`%H${e}%aI${e}%an${e}%s${e}%(trailers:only,unfold)${m}`;function R(r,i){let s=[];for(let c of r.split(m)){let n=c.replace(/^\s+/,"");if(!n)continue;let[o,a,u,l,d=""]=n.split(e);if(!o||!a||u===void 0||l===void 0)continue;let t={};for(let p of d.split(`
`)){let g=/^([A-Za-z-]+):\s*(.*)$/.exec(p.trim());g&&(t[g[1].toLowerCase()]=g[2])}!t.model||i&&t.model!==i||s.push({commit:o,date:a,author:u,subject:l,model:t.model,action:t["registry-action"]??"change",...t.version?{version:t.version}:{},...t.stage?{stage:t.stage}:{},...t.actor?{actor:t.actor}:{},...t.run?{run:t.run}:{}})}return s}export{$ as a,x as b,R as c};
