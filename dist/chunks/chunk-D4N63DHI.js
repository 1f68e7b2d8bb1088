import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
import{d as It}from"./chunk-LI6VUFCI.js";import{a as ht}from"./chunk-UEZWE6EO.js";import{b as Y}from"./chunk-BHFG3LMV.js";import{a as w,b as _,c as U,d as Vt}from"./chunk-QRSSYVZI.js";import{a as k}from"./chunk-TUYC4ILU.js";import{a as L}from"./chunk-I3JMSGK7.js";import{f as Ot,g as tt}from"./chunk-JPVXVGFT.js";import{a as $t}from"./chunk-DRCGQZUG.js";import{b as Dt}from"./chunk-2PL47CD5.js";import{g as gt}from"./chunk-KMPMM7FP.js";import{b as je,d as Nt}from"./chunk-24GNZG5P.js";import{a as N,c as ft}from"./chunk-LELQE3LJ.js";import{d as Te}from"./chunk-HW5XXTOA.js";function x(t){if(!t)return"\u2014";let e=Date.parse(t);return Number.isFinite(e)?`${new Date(e).toISOString().slice(0,16).replace("T"," ")} UTC`:t}function V(t){if(!t)return"\u2014";let e=Date.parse(t);return Number.isFinite(e)?new Date(e).toISOString().slice(0,10):t}function et(t,e){if(!t)return;let r=Date.parse(t),o=Date.parse(e);if(!Number.isFinite(r)||!Number.isFinite(o))return;let n=Math.max(0,Math.round((o-r)/6e4));if(n<1)return"just now";if(n<60)return`${n} minute${n===1?"":"s"}`;let l=Math.round(n/60);if(l<48)return`${l} hour${l===1?"":"s"}`;let a=Math.round(l/24);return`${a} day${a===1?"":"s"}`}function yt(t){return!t||typeof t.value!="number"?"\u2014":t.ci?`${k(t.value)} [${T(t.ci)}]`:k(t.value)}function T(t){return`${k(t[0])}, ${k(t[1])}`}function z(t){if(t<1e3)return`${t} B`;let e=["kB","MB","GB","TB"],r=t,o=-1;for(;r>=1e3&&o<e.length-1;)r/=1e3,o++;return`${r>=100?r.toFixed(0):r.toFixed(1)} ${e[o]}`}function Lt(t){return t?t.slice(0,12):"\u2014"}function Z(t){return typeof t=="string"?t:JSON.stringify(t)??String(t)}function Ft(t,e=160){if(!t||Object.keys(t).length===0)return"\u2014";let r=Object.entries(t).map(([o,n])=>`${o}=${Z(n)}`).join(" ");return r.length>e?`${r.slice(0,e-1)}\u2026`:r}import{mkdirSync as Xe,writeFileSync as Ke}from"node:fs";import{dirname as Qe}from"node:path";import{relative as He}from"node:path";var bt="%H%x1f%P%x1f%aI%x1f%an%x1f%B",qt=/^[0-9a-f]{40,64}$/;function vt(t){let e=[];for(let r of t.split("\0")){let o=r.replace(/^\n+/,"");if(!o)continue;let n=o.split("");if(n.length<5)continue;let[l,a,s,c]=n;qt.test(l)&&e.push({commit:l,parents:a.split(" ").filter(d=>qt.test(d)),date:s,author:c,message:n.slice(4).join("")})}return e}function Bt(t){let e=t.replace(/\r\n/g,`
`).trim().split(/\n\s*\n/),r=(e.shift()??"").replace(/\n/g," ").trim(),o=e[e.length-1],l=o!==void 0&&o.split(`
`).every(a=>/^[A-Za-z][A-Za-z0-9-]*:\s/.test(a)||/^\s+\S/.test(a))?e.pop().replace(/\n\s+/g," "):"";return{subject:r,body:e.join(`

`).trim(),trailers:l}}function Ut(t,e=new Map){let r=[];for(let o of t){let{subject:n,body:l,trailers:a}=Bt(o.message),s=It(o.commit,o.date,o.author,n,a),c=e.get(o.commit);if(!s){c?.length&&r.push({commit:o.commit,date:o.date,author:o.author,subject:n,model:c[0],action:"edit",manual:!0,touched:c,...l?{body:l}:{}});continue}let d=/\(#(\d+)\)\s*$/.exec(n);r.push({...s,...l?{body:l}:{},...d?{pullRequest:Number(d[1])}:{}})}return r}function zt(t){return t.filter(e=>!/^Model:\s/m.test(Bt(e.message).trailers)).map(e=>e.commit)}function Gt(t,e){let r=new Map,o,n=e==="."||e===""?"":`${e.replace(/\/+$/,"")}/`;for(let l of t.split(`
`)){let a=/^@@([0-9a-f]{40,64})$/.exec(l);if(a){o=[],r.set(a[1],o);continue}if(!o||!l.startsWith(n))continue;let s=l.slice(n.length).split("/")[0];s&&l.slice(n.length).includes("/")&&!o.includes(s)&&o.push(s)}return r}function G(t,e){return t.model===e||(t.touched?.includes(e)??!1)}var Wt=/^Merge pull request #(\d+)\b/;function Jt(t,e,r,o){let n=o.filter(s=>Wt.test(s.subject));if(n.length===0)return t;let l=new Set;for(let s=e;s&&!l.has(s);s=r.get(s)?.[0])l.add(s);let a=new Map;for(let s of[...n].reverse()){let c=Number(Wt.exec(s.subject)[1]),d=s.parents.slice(1);for(;d.length;){let u=d.pop();l.has(u)||a.has(u)||(a.set(u,{pr:c,by:s.author}),d.push(...r.get(u)??[]))}}return t.map(s=>{let c=a.get(s.commit);return c?{...s,pullRequest:c.pr,mergedBy:c.by}:s})}function Yt(t,e,r){if(e===null||typeof e!="object"||Array.isArray(e))return{id:t,error:"not a run record (expected a JSON object in run.json)",...r.date?{created_at:r.date}:{}};let o=e,n=h=>typeof h=="string"&&h?h:void 0,l=o.code&&typeof o.code=="object"?o.code:{},a={};if(o.metrics&&typeof o.metrics=="object"){for(let[h,$]of Object.entries(o.metrics))if(typeof $=="number"&&Number.isFinite($))a[h]={value:$};else if($&&typeof $=="object"&&typeof $.value=="number"){let v=$;a[h]={value:v.value,...Array.isArray(v.ci)&&v.ci.length===2&&v.ci.every(g=>typeof g=="number")?{ci:[v.ci[0],v.ci[1]]}:{}}}}let s=n(o.created_at)??n(o.started_at)??r.date,c=n(o.commit)??n(l.commit),d=n(o.branch)??n(l.branch),u=o.params&&typeof o.params=="object"&&!Array.isArray(o.params)?o.params:void 0;return{id:n(o.id)??t,...s?{created_at:s}:{},...n(o.status)?{status:n(o.status)}:{},...c?{commit:c}:{},...d?{branch:d}:{},...u?{params:u}:{},...Object.keys(a).length?{metrics:a}:{},...n(o.version)?{version:n(o.version)}:{},...n(o.run_url)?{url:n(o.run_url)}:{}}}async function rt(t,e){let o=await new ht(t,e).exec(["rev-parse","--show-toplevel"]);if(o.code!==0)return;let n=new ht(o.stdout.trim(),e),l=await n.revParse("HEAD");if(!l)return;let a=He(n.cwd,t)||".",s=vt(await n.log(["-z",`--format=${bt}`,"HEAD","--",a])),c=zt(s),d=c.length?Gt(await n.run(["log","--no-walk=unsorted","--format=@@%H","--name-only","--stdin","--",a],c.join(`
`)+`
`),a):new Map,u=Ut(s,d);return u.length&&(u=Jt(u,l,...await Ee(n))),{head:l,audit:u,runs:await De(n)}}async function Ee(t){let e=vt(await t.log(["-z","--first-parent","--merges",`--format=${bt}`,"HEAD"])).map(o=>({commit:o.commit,parents:o.parents,author:o.author,subject:o.message.split(`
`)[0]??""})),r=new Map;if(e.length===0)return[r,e];for(let o of(await t.run(["rev-list","--parents","HEAD"])).split(`
`)){let[n,...l]=o.trim().split(" ");n&&r.set(n,l)}return[r,e]}var Zt="refs/modelci/runs/";async function De(t){let e=new Map,r=(await t.run(["for-each-ref","--sort=-creatordate","--format=%(refname)%1f%(objectname)%1f%(creatordate:iso-strict)",Zt])).split(`
`).filter(Boolean).map(n=>{let[l="",a="",s=""]=n.split(""),[c="",...d]=l.slice(Zt.length).split("/");return{model:c,id:d.join("/"),sha:a,date:s}}).filter(n=>n.model&&n.id);if(r.length===0)return e;let o=Ne((await t.exec(["cat-file","--batch"],r.map(n=>`${n.sha}:run.json`).join(`
`)+`
`)).stdout,r.length);return r.forEach((n,l)=>{let a=o[l],s;if(a!==void 0)try{s=JSON.parse(a)}catch{s=void 0}let c=a===void 0?{id:n.id,created_at:n.date,error:"no run.json in the run commit"}:s===void 0?{id:n.id,created_at:n.date,error:"run.json is not valid JSON"}:Yt(n.id,s,{date:n.date}),d=e.get(n.model)??[];d.push(c),e.set(n.model,d)}),e}function Ne(t,e){let r=Buffer.from(t,"utf8"),o=[],n=0;for(;o.length<e&&n<r.length;){let l=r.indexOf(10,n);if(l<0)break;let a=r.subarray(n,l).toString("utf8");n=l+1;let s=/^[0-9a-f]+ blob (\d+)$/.exec(a);if(!s){o.push(void 0);continue}let c=Number(s[1]);o.push(r.subarray(n,n+c).toString("utf8")),n+=c+1}for(;o.length<e;)o.push(void 0);return o}import{existsSync as Qt,readdirSync as Ve,statSync as Oe}from"node:fs";import{relative as Ie}from"node:path";function Xt(t,e,r,o){let n=new Map,l=[],a=(c,d)=>{l.push({file:e,message:c,...d?{model:d}:{}})};if(!Array.isArray(t))return a("drift history is not a JSON list of checks; its checks are not shown",r),{checks:n,problems:l};let s=o.length===1?o[0]:void 0;return t.forEach((c,d)=>{let u=c;if(!(u!==null&&typeof u=="object"&&typeof u.at=="string"&&typeof u.drifted=="boolean"&&typeof u.share=="number"&&Number.isFinite(u.share)&&typeof u.n_drifted=="number"&&typeof u.n_tested=="number")){a(`[${d}]: not a drift check (needs at, drifted, share, n_drifted, n_tested)`,r);return}let $=r??(typeof u.model=="string"?u.model:s);if(!$){a(`[${d}]: names no model; pass the file as <model>=${e}`);return}if(!o.includes($)){a(`[${d}]: model "${$}" is not in the registry`);return}let v={at:u.at,drifted:u.drifted,share:u.share,n_drifted:u.n_drifted,n_tested:u.n_tested,source:e,model:$,...typeof u.run_url=="string"?{run_url:u.run_url}:{},...typeof u.threshold=="number"?{threshold:u.threshold}:{},...typeof u.performance_drifted=="boolean"?{performance_drifted:u.performance_drifted}:{}},g=n.get($)??[];g.push(v),n.set($,g)}),{checks:n,problems:l}}function Kt(t){let e=new Map;for(let r of t)for(let o of r)e.set(o.at,o);return[...e.values()].sort((r,o)=>r.at<o.at?-1:r.at>o.at?1:0)}async function te(t){if(!Qt(t.registry)||!Oe(t.registry).isDirectory())throw new N("INPUT","registry folder not found",{file:t.registry,hint:"Pass the registry folder with --registry (registry.path in modelci.yaml)"});let e=tt(t.registry),r=[],o=[],n=L(t.config?.registry).stages,l=e.listModels().map(c=>xt(e,c,t.config,r)),a=await rt(e.dir,t.env??process.env);a||o.push(`${t.registry} is not in a git checkout: no audit log or stage timeline`);for(let c of l)c.history=a?.audit.filter(d=>G(d,c.name))??[],c.runs=a?.runs.get(c.name)??[];let s=Fe(t.driftHistory??[],l.map(c=>c.name),r,o);for(let c of l)c.drift=Kt(s.get(c.name)??[]);return{data:{title:t.title??"Model catalog",generatedAt:t.now,...t.repositoryUrl?{repositoryUrl:t.repositoryUrl}:{},...a?{commit:a.head}:{},stageOrder:n,models:l,audit:a?.audit??[],hasHistory:a!==void 0,problems:r},notes:o}}function xt(t,e,r,o){let n=g=>Ie(t.dir,g)||g,l=L(r?.registry).stages,a=r?.models?.[e],s={name:e,owners:[],card:a?.card??{},versions:[],stages:[],history:[],drift:[],runs:[]};try{let g=t.getModel(e);g&&(s.record=g)}catch(g){s.recordError=wt(g),o.push({file:`${e}/model.yaml`,message:s.recordError,model:e})}let c=s.record?.task??a?.task,d=s.record?.primary_metric??a?.primary_metric,u=s.record?.description??a?.description;c&&(s.task=c),d&&(s.primaryMetric=d),s.record?.direction&&(s.direction=s.record.direction),u&&(s.description=u),s.owners=s.record?.owners??a?.owners??[],s.versions=t.listVersions(e).map(g=>{let f=t.versionFile(e,g);try{return{version:g,file:n(f),record:t.getVersion(e,g)}}catch(D){let Q=wt(D);return o.push({file:n(f),message:Q,model:e,version:g}),{version:g,file:n(f),error:Q}}});let h=Le(`${t.dir}/${e}/stages`);for(let g of h.filter(f=>!$t(f)))o.push({file:`${e}/stages/${g}.yaml`,message:"not a valid stage name; ignored",model:e});let $=h.filter($t),v=[...l.filter(g=>$.includes(g)),...$.filter(g=>!l.includes(g)).sort()];return s.stages=v.map(g=>{try{let f=t.getStage(e,g);return f?{stage:g,pointer:f}:{stage:g}}catch(f){let D=wt(f);return o.push({file:`${e}/stages/${g}.yaml`,message:D,model:e}),{stage:g,error:D}}}),s}function Le(t){try{return Ve(t).filter(e=>e.endsWith(".yaml")).map(e=>e.slice(0,-5))}catch{return[]}}function wt(t){if(t instanceof N){let{file:e,...r}=t.where;return new N(t.code,t.message,{...r,...t.hint?{hint:t.hint}:{}}).format()}return ft(t)}function Fe(t,e,r,o){let n=new Map;for(let l of t){let a=/^([a-z0-9][a-z0-9._-]*)=(.+)$/.exec(l),s=a?.[1],c=a?.[2]??l;if(!Qt(c)){o.push(`drift history ${c} does not exist (yet)`);continue}let d;try{d=Nt(c)}catch(h){r.push({file:c,message:ft(h),...s?{model:s}:{}});continue}let u=Xt(d,c,s,e);r.push(...u.problems);for(let[h,$]of u.checks)n.set(h,[...n.get(h)??[],$])}return n}function ee(t){return new Map(t.versions.map(e=>[e.version,e]))}function re(t,e){let r=t.stages.filter(o=>o.pointer);for(let o=e.length-1;o>=0;o--){let n=r.find(l=>l.stage===e[o]);if(n)return n}return r[r.length-1]}function qe(t){for(let e=t.versions.length-1;e>=0;e--){let r=t.versions[e].record;if(r)return r}}function F(t){if(t.primaryMetric)return t.primaryMetric;let e=qe(t);return e?.metrics?Object.keys(e.metrics)[0]:void 0}function kt(t){let e=new Set,r=F(t);r&&e.add(r);for(let o of t.versions)for(let n of Object.keys(o.record?.metrics??{}))e.add(n);return[...e]}function X(t,e){if(!t||!e)return;let r=t.metrics?.[e];return r&&typeof r.value=="number"?r:void 0}function Be(t,e){let r=e.pointer?.version;if(r)return t.history.find(o=>o.stage===e.stage&&o.version===r&&(o.action==="promote"||o.action==="rollback"))}function oe(t){return t.history.filter(e=>e.stage!==void 0&&(e.action==="promote"||e.action==="rollback"))}function ot(t,e){return t.stages.filter(r=>r.pointer?.version===e).map(r=>r.stage)}function ne(t){return t.drift[t.drift.length-1]}function nt(t,e){let r=e.pointer;if(!r)return;let o=Be(t,e);return o?.mergedBy&&o.pullRequest?{by:o.mergedBy,how:`merged pull request #${o.pullRequest}`,event:o}:{by:r.promoted_by,how:r.rollback?"rolled back":"promoted",...o?{event:o}:{}}}function st(t,e){let r=F(t),o=Object.entries(e.metrics??{}).filter(([,l])=>typeof l?.value=="number").map(([l,a])=>{let s=l===r?t.direction??Y(l):Y(l);return{name:l,...a,...s?{direction:s}:{},primary:l===r}}).sort((l,a)=>Number(a.primary)-Number(l.primary)),n=t.history.find(l=>l.action==="register"&&l.version===e.version);return{model:t.name,version:e.version,...t.description?{description:t.description}:{},...t.task?{task:t.task}:{},owners:t.owners,text:t.card,artifact:e.artifact,createdAt:e.created_at,createdBy:e.created_by,stages:ot(t,e.version),...e.deprecated?{deprecated:e.deprecated}:{},...r?{primaryMetric:r}:{},metrics:o,...e.gates?{gates:e.gates}:{},slices:e.slices??[],trainingData:e.training_data,evaluationData:e.evaluation_data,...e.params?{params:e.params}:{},...e.signature?{signature:e.signature}:{},lineage:e.lineage??{},...n?{registeredIn:n}:{},promotions:t.history.filter(l=>l.version===e.version&&(l.action==="promote"||l.action==="rollback"))}}function W(t){return`${t.type}[${t.shape.map(e=>e===null?"?":String(e)).join(", ")}]`}function it(t){let e=[...new Set(t.slices.flatMap(o=>Object.keys(o.metrics)))],r=t.primaryMetric;return e.sort((o,n)=>+(n===r)-+(o===r)).slice(0,4)}var de=Te(je(),1);var q=class{constructor(e){this.value=e}value;toString(){return this.value}},Ue={"&":"&amp;","<":"&lt;",">":"&gt;"},ze={...Ue,'"':"&quot;","'":"&#39;","`":"&#96;"},Ge=/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;function se(t){return t.replace(Ge,"").replace(/[&<>"'`]/g,e=>ze[e])}function K(t){return t instanceof q?t.value:Array.isArray(t)?t.map(K).join(""):t==null||t===!1?"":se(String(t))}function i(t,...e){let r=t[0];for(let o=0;o<e.length;o++)r+=K(e[o])+t[o+1];return new q(r)}function ie(t){return new q(t)}function ae(t,e=""){let r=K(e);return new q(t.map(K).join(r))}function Ct(t){if(t===void 0)return;let e=t.replace(/[\u0000-\u0020\u007f-\u009f]/g,"");if(e==="")return;let r=/^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(e);if(r)return/^https?$/i.test(r[1])&&/^https?:\/\/[^/]/i.test(e)?t.trim():void 0;if(!/^[/\\]{2}/.test(e))return t.trim()}function A(t,e){let r=Ct(t);return r===void 0?i`${e}`:new q(`<a href="${se(r)}">${K(e)}</a>`)}var We=/^(rmse|mse|mae|mape|r2|r_squared)$/;function Je(t){return t.task==="regression"||!t.task&&t.metrics.length>0&&t.metrics.every(r=>We.test(r.name))?{type:"tabular-regression",name:"Tabular regression"}:{type:"tabular-classification",name:t.task==="multiclass"?"Multiclass classification":t.task==="binary"?"Binary classification":"Tabular classification"}}function Ye(t){let e=Je(t),r=t.evaluationData?.path?Ze(t.evaluationData.path):"evaluation data",o={};return t.text.license&&(o.license=t.text.license),t.artifact.format==="onnx"&&(o.library_name="onnx"),o.tags=[...new Set(["modelci",e.type,...t.text.tags??[]])],t.text.datasets?.length&&(o.datasets=t.text.datasets),t.metrics.length&&(o.metrics=t.metrics.map(n=>n.name)),t.metrics.length&&(o["model-index"]=[{name:t.model,results:[{task:e,dataset:{type:t.text.datasets?.[0]??r,name:r,...t.evaluationData?.sha256?{revision:t.evaluationData.sha256}:{}},metrics:t.metrics.map(n=>({type:n.name,value:n.value,name:n.ci?`${n.name} (95% CI ${T(n.ci)})`:n.name}))}]}]),o.modelci={model:t.model,version:t.version,artifact_sha256:t.artifact.sha256,registered_at:t.createdAt,...t.stages.length?{stages:t.stages}:{}},o}function Ze(t){return t.split(/[\\/]/).pop()||t}function le(t){return t.trim().split(/\r\n?|\n/).map(e=>w(e).replace(/^(\s*)([#>+=-])/,"$1\\$2").replace(/^(\s*\d+)([.)])/,"$1\\$2")).join(`  
`)}function Mt(t,e){let r=Ct(e);return r&&/^https?:/i.test(r)?`[${w(t)}](${Vt(r)})`:w(t)}function ue(t,e={}){let r=e.repositoryUrl?.replace(/\/+$/,""),o=["---",(0,de.stringify)(Ye(t),{lineWidth:0}).trimEnd(),"---",""],n=c=>{let d=t.text[c];return typeof d=="string"&&d.trim()?le(d):`_Not documented: add \`models.${w(t.model)}.card.${c}\` to modelci.yaml._`};o.push(`# ${w(t.model)} ${t.version}`,""),t.description&&o.push(le(t.description),""),t.deprecated&&o.push(`> **Deprecated** on ${x(t.deprecated.at)} by ${w(t.deprecated.by)}${t.deprecated.reason?`: ${w(t.deprecated.reason)}`:""}.`,""),o.push("## Model details","");let l=[["Model",w(t.model)],["Version",t.version],["Task",t.task??"\u2014"],["Owners",t.owners.length?t.owners.map(c=>w(c)).join(", "):"\u2014"],...t.text.contact?[["Contact",w(t.text.contact)]]:[],...t.text.license?[["License",w(t.text.license)]]:[],["Stages",t.stages.length?t.stages.map(c=>w(c)).join(", "):"none"],["Format",w(t.artifact.format)],["Artifact",`\`${J(t.artifact.uri)}\``],["Artifact sha256",`\`${J(t.artifact.sha256)}\``],["Artifact size",z(t.artifact.bytes)],["Registered",`${x(t.createdAt)} by ${w(t.createdBy)}`]];if(o.push(...l.map(([c,d])=>`- **${c}:** ${d}`),""),o.push("## Intended use","",n("intended_use"),"","### Intended users","",n("users"),""),o.push("### Out of scope","",n("out_of_scope_use"),""),o.push("## Metrics",""),t.metrics.length?(o.push(U(["Metric","Value","95% interval","Better"],["left","right","right","left"],t.metrics.map(c=>[`${_(c.name)}${c.primary?" (primary)":""}`,k(c.value),c.ci?T(c.ci):"\u2014",c.direction??"\u2014"])),""),t.metrics.some(c=>c.ci)&&o.push("Intervals are 95% bootstrap confidence intervals over the evaluation rows.","")):o.push("No metrics recorded.",""),t.gates&&(o.push("### Gates",""),o.push(t.gates.results.length?U(["Gate","Result","Why"],["left","left","left"],t.gates.results.map(c=>[_(c.gate),c.passed?"passed":"**failed**",_(c.reason,300)])):"No gates were configured.","")),o.push("## Evaluation data","",n("evaluation_data"),"",...ce(t.evaluationData),""),o.push("## Training data","",n("training_data"),"",...ce(t.trainingData),""),o.push("## Slices",""),t.slices.length){let c=it(t);o.push(U(["Column","Value","Rows",...c.map(d=>_(d))],["left","left","right",...c.map(()=>"right")],t.slices.map(d=>[_(d.column),_(d.value),String(d.rows),...c.map(u=>{let h=d.metrics[u];return h?`${k(h.value)}${h.ci?` [${T(h.ci)}]`:""}`:"\u2014"})])),"")}else o.push("No slice metrics recorded.","");o.push("## Limitations","",n("limitations"),""),o.push("## Ethical considerations","",n("ethical_considerations"),""),o.push("## Caveats and recommendations","",n("caveats"),""),t.params&&Object.keys(t.params).length&&o.push("## Parameters","",U(["Parameter","Value"],["left","left"],Object.entries(t.params).map(([c,d])=>[_(c),_(Z(d),300)])),""),t.signature&&o.push("## Signature","",U(["Tensor","Kind","Type and shape"],["left","left","left"],[...t.signature.inputs.map(c=>[_(c.name),"input",_(W(c))]),...t.signature.outputs.map(c=>[_(c.name),"output",_(W(c))])]),"");let a=t.lineage,s=c=>c?r?Mt(c.slice(0,12),`${r}/commit/${c}`):`\`${J(c.slice(0,12))}\``:"\u2014";o.push("## Lineage",""),o.push(`- **Code commit:** ${s(a.commit)}${a.ref?` on \`${J(a.ref)}\``:""}`,`- **Workflow run:** ${a.run_url?Mt("run",a.run_url):"\u2014"}`,`- **Pull request:** ${a.pull_request?r?Mt(`#${a.pull_request}`,`${r}/pull/${a.pull_request}`):`&#35;${a.pull_request}`:"\u2014"}`,`- **Parent version:** ${a.parent_version??"\u2014"}`,`- **Registry commit:** ${s(t.registeredIn?.commit)}`),t.promotions.length&&o.push("","### Promotions","");for(let c of t.promotions)o.push(`- ${x(c.date)}: ${w(c.action)} to ${w(c.stage??"")} by ${w(c.actor??c.author)}`);return o.push("",`_Generated by modelci from the registry record of ${w(t.model)} ${t.version}._`,""),o.join(`
`)}function ce(t){return t?[...t.path?[`- **File:** \`${J(t.path)}\``]:[],`- **sha256:** \`${J(t.sha256)}\``,...t.rows!==void 0?[`- **Rows:** ${t.rows}`]:[],...typeof t.bytes=="number"?[`- **Size:** ${z(t.bytes)}`]:[]]:["No fingerprint recorded."]}function J(t){return t.replace(/[`\r\n\u0000-\u001f]/g," ")}async function pe(t){let e=t.config??{version:1},r=tt(t.registry??L(e.registry).path),{model:o,ref:n}=Ot(t.ref),l=r.resolveVersion(o,n),a=r.getVersion(o,l),s=xt(r,o,e,[]),c=await rt(r.dir,t.env??process.env);s.history=c?.audit.filter(u=>G(u,o))??[];let d=ue(st(s,a),{...t.repositoryUrl?{repositoryUrl:t.repositoryUrl}:{}});return t.out&&(Xe(Qe(t.out),{recursive:!0}),Ke(t.out,d)),{model:o,version:l,markdown:d,...t.out?{file:t.out}:{}}}import{join as Pr}from"node:path";import{existsSync as Rt,mkdirSync as me,readdirSync as tr,readFileSync as er,renameSync as St,rmSync as fe,statSync as rr,writeFileSync as or}from"node:fs";import{basename as ge,dirname as he,join as at,resolve as nr}from"node:path";var sr=/<meta name="generator" content="modelci"\s*\/?>/;function $e(t,e){let r=nr(t);if(Rt(r)&&!ir(r))throw new N("INPUT","the output folder exists and is not a modelci site",{file:t,hint:"Choose an empty or new folder for --out (it is replaced on every build)"});let o=he(r);me(o,{recursive:!0});let n=`${process.pid}-${Date.now()}`,l=at(o,`.${ge(r)}.new-${n}`),a=0;try{for(let s of e){let c=at(l,s.path);me(he(c),{recursive:!0}),or(c,s.content),a+=Buffer.byteLength(s.content)}if(Rt(r)){let s=at(o,`.${ge(r)}.old-${n}`);St(r,s),St(l,r),fe(s,{recursive:!0,force:!0})}else St(l,r)}catch(s){throw fe(l,{recursive:!0,force:!0}),s}return{files:e.length,bytes:a}}function ir(t){if(!rr(t).isDirectory())return!1;if(tr(t).length===0)return!0;let r=at(t,"index.html");return Rt(r)&&er(r,"utf8").slice(0,2e3).match(sr)!==null}var ye=`:root{color-scheme:light dark;--bg:#ffffff;--fg:#1f2328;--muted:#59636e;--border:#d1d9e0;--surface:#f6f8fa;--accent:#0969da;--ok:#1a7f37;--bad:#d1242f;--warn:#9a6700;--band:rgba(9,105,218,.16);--mark:#8250df}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--border:#3d444d;--surface:#151b23;--accent:#4493f8;--ok:#3fb950;--bad:#f85149;--warn:#d29922;--band:rgba(68,147,248,.22);--mark:#ab7df8}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
a{color:var(--accent)}
a:focus-visible,summary:focus-visible,input:focus-visible,select:focus-visible,[tabindex]:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:var(--bg);padding:.5rem}
.skip:focus{left:.5rem}
header.site{border-bottom:1px solid var(--border);background:var(--surface)}
header.site .inner,main,footer.site{max-width:76rem;margin:0 auto;padding:.75rem 1rem}
header.site .inner{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:baseline}
header.site .brand{font-weight:600;font-size:1.1rem;color:var(--fg);text-decoration:none}
header.site nav ul{display:flex;gap:1rem;list-style:none;margin:0;padding:0}
nav.crumbs ol{display:flex;flex-wrap:wrap;gap:.25rem;list-style:none;margin:0 0 .5rem;padding:0;color:var(--muted);font-size:.9rem}
nav.crumbs li+li::before{content:"/";margin-right:.25rem}
h1{font-size:1.6rem;margin:.25rem 0 .5rem;overflow-wrap:anywhere}
h2{font-size:1.25rem;margin:2rem 0 .5rem;padding-bottom:.25rem;border-bottom:1px solid var(--border)}
h3{font-size:1.05rem;margin:1.25rem 0 .4rem}
p,ul,dl{margin:.4rem 0 .8rem}
.muted,footer.site{color:var(--muted)}
footer.site{border-top:1px solid var(--border);margin-top:2rem;font-size:.85rem}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em;overflow-wrap:anywhere}
.table-wrap{overflow-x:auto;margin:.5rem 0 1rem;border:1px solid var(--border);border-radius:6px}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{padding:.4rem .6rem;text-align:left;vertical-align:top;border-bottom:1px solid var(--border)}
thead th{background:var(--surface);position:sticky;top:0;font-weight:600}
tbody tr:last-child>*{border-bottom:0}
tbody th{font-weight:400}
tbody th a{font-weight:600}
.time,.sha{white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.badge{display:inline-block;padding:0 .45rem;border:1px solid var(--border);border-radius:1rem;font-size:.8rem;white-space:nowrap;margin:0 .2rem .1rem 0}
.badge.stage{border-color:var(--mark);color:var(--mark)}
.ok{color:var(--ok)}.bad{color:var(--bad)}.warn{color:var(--warn)}
.badge.ok{border-color:var(--ok)}.badge.bad{border-color:var(--bad)}.badge.warn{border-color:var(--warn)}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.75rem;margin:.5rem 0 1rem}
.card{border:1px solid var(--border);border-radius:6px;padding:.6rem .8rem;background:var(--surface)}
.card h3{margin:0 0 .25rem}
.card p{margin:.15rem 0}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0;overflow-wrap:anywhere}
.problem{border:1px solid var(--bad);border-left-width:4px;border-radius:6px;padding:.5rem .8rem;margin:.5rem 0}
.notice{border:1px solid var(--warn);border-left-width:4px;border-radius:6px;padding:.5rem .8rem;margin:.5rem 0}
.prose{white-space:pre-line;max-width:48rem}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,35rem),1fr));gap:1rem}
figure{margin:0}
figcaption{font-size:.9rem;color:var(--muted)}
svg.chart{max-width:100%;height:auto;display:block;border:1px solid var(--border);border-radius:6px;background:var(--bg)}
.chart-grid{stroke:var(--border);stroke-width:1}
.chart-axis{stroke:var(--muted);stroke-width:1}
.chart-tick{fill:var(--muted);font-size:11px}
.chart-line{fill:none;stroke:var(--accent);stroke-width:2}
.chart-band{fill:var(--band);stroke:none}
.chart-point{fill:var(--accent);stroke:var(--bg);stroke-width:1}
.chart-point.bad{fill:var(--bad)}
.chart-point.good{fill:var(--ok)}
.chart-mark{stroke:var(--mark);stroke-dasharray:4 3}
.chart-mark-label{fill:var(--mark);font-size:11px}
.chart-threshold{stroke:var(--bad);stroke-dasharray:6 4}
.chart-threshold-label{fill:var(--bad);font-size:11px}
.chart-bar{stroke:var(--accent);stroke-width:1.5}
form.filter{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:.5rem 0}
form.filter input,form.filter select{font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--border);border-radius:6px;padding:.25rem .5rem}
.pager{display:flex;gap:1rem;flex-wrap:wrap}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:40rem){body{font-size:14px}th,td{padding:.3rem .4rem}dl.facts{grid-template-columns:1fr}dl.facts dd{margin-bottom:.3rem}}
`,be=`"use strict";
for (const form of document.querySelectorAll("form[data-filter]")) {
  const table = document.getElementById(form.dataset.filter);
  if (!table || !table.tBodies[0]) continue;
  const rows = Array.from(table.tBodies[0].rows, (row) => ({ row, text: row.textContent.toLowerCase() }));
  const count = form.querySelector("output");
  const selects = Array.from(form.querySelectorAll("select"));
  const query = form.querySelector("input[type=search]");
  const apply = () => {
    const text = query ? query.value.trim().toLowerCase() : "";
    let shown = 0;
    for (const { row, text: rowText } of rows) {
      let ok = !text || rowText.includes(text);
      for (const s of selects) if (ok && s.value && row.dataset[s.name] !== s.value) ok = false;
      row.hidden = !ok;
      if (ok) shown++;
    }
    if (count) count.textContent = shown + " of " + rows.length + " shown";
  };
  const params = new URLSearchParams(location.search);
  for (const control of [query, ...selects])
    if (control && params.has(control.name)) control.value = params.get(control.name);
  form.addEventListener("input", apply);
  form.addEventListener("submit", (e) => e.preventDefault());
  form.hidden = false;
  apply();
}
`;var m={catalog:"index.html",audit:(t=1)=>t===1?"audit.html":`audit-${t}.html`,model:t=>`models/${t}/index.html`,modelAudit:(t,e=1)=>e===1?`models/${t}/audit.html`:`models/${t}/audit-${e}.html`,version:(t,e)=>`models/${t}/versions/${e}.html`,stylesheet:"assets/site.css",script:"assets/site.js"};function C(t,e,r){let o=t.split("/").length-1;return`${"../".repeat(o)}${e}${r?`#${r}`:""}`}var ar="default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";function lr(t,e){return t.repositoryUrl?`${t.repositoryUrl.replace(/\/+$/,"")}/commit/${e}`:void 0}function cr(t,e){return t.repositoryUrl?`${t.repositoryUrl.replace(/\/+$/,"")}/pull/${e}`:void 0}function H(t,e){return e?A(lr(t,e),i`<code class="sha">${Lt(e)}</code>`):i`—`}function O(t,e){return e===void 0?i``:A(cr(t,e),`#${e}`)}function E(t,e){let r=a=>C(e.path,a),o=e.crumbs.length?i`<nav class="crumbs" aria-label="Breadcrumb">
        <ol>
          ${e.crumbs.map((a,s)=>a.path&&s<e.crumbs.length-1?i`<li><a href="${r(a.path)}">${a.label}</a></li>`:i`<li aria-current="page">${a.label}</li>`)}
        </ol>
      </nav>`:"",n=i`Built by modelci on ${x(t.generatedAt)}${t.commit?i` from commit ${H(t,t.commit)}`:""}.`;return i`<!doctype html>
<html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta http-equiv="Content-Security-Policy" content="${ar}" />
        <meta name="referrer" content="no-referrer" />
        <meta name="generator" content="modelci" />
        <title>${e.title} · ${t.title}</title>
        <link rel="stylesheet" href="${r(m.stylesheet)}" />
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="site">
          <div class="inner">
            <a class="brand" href="${r(m.catalog)}">${t.title}</a>
            <nav aria-label="Site">
              <ul>
                <li><a href="${r(m.catalog)}">Models</a></li>
                <li><a href="${r(m.audit())}">Audit log</a></li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main">${o} ${e.body}</main>
        <footer class="site"><p>${n}</p></footer>
        ${e.script?i`<script src="${r(m.script)}"></script>`:""}
      </body>
</html>
`.value.replace(/\n[ \t]+/g,`
`).replace(/\n+>/g,">")}function M(t){return t.rows.length===0&&t.empty?i`<p class="muted">${t.empty}</p>`:i`<div class="table-wrap" role="region" aria-label="${t.caption}" tabindex="0"><table${t.id?i` id="${t.id}"`:""}><caption class="sr-only">${t.caption}</caption><thead><tr>${t.head}</tr></thead><tbody>${t.rows}</tbody></table></div>`}function lt(t,e,r){return i`<form
    class="filter"
    data-filter="${t}"
    role="search"
    aria-label="${e}"
    hidden
  >
    <label>Search <input type="search" name="q" autocomplete="off" /></label>${r.map(o=>i`<label
          >${o.label}
          <select name="${o.name}">
            <option value="">all</option>
            ${o.options.map(n=>i`<option value="${n}">${n}</option>`)}
          </select></label
        >`)}<output aria-live="polite"></output>
  </form>`}function ct(t){return i`${t.map(e=>e.endsWith("#")?i`<th scope="col" class="num">${e.slice(0,-1)}</th>`:i`<th scope="col">${e}</th>`)}`}function S(t,e=""){return i`<span class="badge${e?` ${e}`:""}">${t}</span>`}var jo=ie("&nbsp;");var dt=1e3;function _t(t,e){let r=e?t.audit.filter(s=>G(s,e)):t.audit,o=s=>e?m.modelAudit(e,s):m.audit(s),n=Math.max(1,Math.ceil(r.length/dt)),l=new Map(t.models.map(s=>[s.name,new Set(s.versions.map(c=>c.version))])),a=[];for(let s=1;s<=n;s++){let c=o(s),d=r.slice((s-1)*dt,s*dt),u=e?`Audit log of ${e}`:"Audit log",h=e?[{label:"Models",path:m.catalog},{label:e,path:m.model(e)},{label:"Audit log"}]:[{label:"Models",path:m.catalog},{label:"Audit log"}],$=n>1?i`<nav class="pager" aria-label="Audit log pages">
            ${Array.from({length:n},(f,D)=>D+1).map(f=>f===s?i`<span aria-current="page">page ${f}</span>`:i`<a href="${C(c,o(f))}">page ${f}</a>`)}
          </nav>`:"",v=(s-1)*dt+1,g=i`<h1>${u}</h1>
      <p>
        Every change to the registry is one git commit with trailers (<code>Model:</code>,
        <code>Version:</code>, <code>Stage:</code>, <code>Registry-Action:</code>,
        <code>Actor:</code>, <code>Run:</code>); this is <code>git log</code> of the registry
        folder, newest
        first.${n>1?` Commits ${v}\u2013${v+d.length-1} of ${r.length}.`:""}
      </p>
      ${t.hasHistory?"":i`<p class="notice">The registry was not read from a git checkout: there is no history to show.</p>`}
      ${$}
      ${d.length>1?lt("audit-table","Filter the audit log",[...e?[]:[{name:"model",label:"Model",options:[...new Set(d.map(f=>f.model))].sort()}],{name:"action",label:"Action",options:[...new Set(d.map(f=>f.action))].sort()},{name:"stage",label:"Stage",options:[...new Set(d.flatMap(f=>f.stage?[f.stage]:[]))].sort()}]):""}
      ${M({id:"audit-table",caption:u,empty:"No registry commits found.",head:ct(["When",...e?[]:["Model"],"Action","Version","Stage","By","Message","Run","Pull request","Commit"]),rows:d.map(f=>dr(t,l,f,c,!e))})}
      ${$}`;a.push({path:c,content:E(t,{path:c,title:u,crumbs:h,body:g,script:d.length>1})})}return a}function dr(t,e,r,o,n){let l=e.get(r.model),a=r.version!==void 0&&l?.has(r.version);return i`<tr data-model="${r.model}" data-action="${r.action}" data-stage="${r.stage??""}">
    <td class="time">${x(r.date)}</td>
    ${n?i`<td>
            ${l?i`<a href="${C(o,m.model(r.model))}">${r.model}</a>`:r.model}
          </td>`:""}
    <td>
      ${r.action}${r.manual?i`<br />${S("no trailers","warn")}`:""}
    </td>
    <td>
      ${a?i`<a href="${C(o,m.version(r.model,r.version))}"
              >${r.version}</a
            >`:r.version??"\u2014"}
    </td>
    <td>${r.stage?S(r.stage,"stage"):"\u2014"}</td>
    <td>
      ${r.actor??r.author}${r.mergedBy?i`<br /><span class="muted">merged by ${r.mergedBy}</span>`:""}
    </td>
    <td>${r.subject}${r.body?i`<br /><span class="muted">${r.body}</span>`:""}</td>
    <td>${r.run?A(r.run,"run"):"\u2014"}</td>
    <td>${r.pullRequest?O(t,r.pullRequest):"\u2014"}</td>
    <td>${H(t,r.commit)}</td>
  </tr>`}function we(t,e,r){let o=m.version(e.name,r.version),n=[{label:"Models",path:m.catalog},{label:e.name,path:m.model(e.name)},{label:r.version}],l=`${e.name} ${r.version}`;if(!r.record){let s=i`<h1>${l}</h1>
      <div class="problem" role="alert">
        <p><strong>This version's record could not be read.</strong></p>
        <p>${r.error??"unknown error"}</p>
        <p>
          File: <code>${r.file}</code>. Restore it from git history (<code
            >git log -p -- ${r.file}</code
          >); <code>modelci registry verify</code> checks every record.
        </p>
      </div>`;return E(t,{path:o,title:`${l} (unreadable)`,crumbs:n,body:s})}let a=st(e,r.record);return E(t,{path:o,title:`${l} model card`,crumbs:n,body:ur(t,a,o)})}function P(t,e,r){return i`<section aria-labelledby="${t}">
    <h2 id="${t}">${e}</h2>
    ${r}
  </section>`}function I(t,e){let r=t.text[e];return typeof r=="string"&&r.trim()?i`<p class="prose">${r.trim()}</p>`:i`<p class="muted">
    Not documented. Add <code>models.${t.model}.card.${e}</code> to modelci.yaml.
  </p>`}function ve(t,e){return t?i`<dl class="facts">
    ${t.path?i`<dt>File</dt>
            <dd><code>${t.path}</code></dd>`:""}
    <dt>sha256</dt>
    <dd><code>${t.sha256}</code></dd>
    ${t.rows!==void 0?i`<dt>Rows</dt>
            <dd>${t.rows}</dd>`:""}${typeof t.bytes=="number"?i`<dt>Size</dt>
            <dd>${z(t.bytes)}</dd>`:""}
  </dl>`:i`<p class="muted">No ${e} fingerprint recorded.</p>`}function ur(t,e,r){let o=s=>C(r,s),n=s=>i`<a href="${o(m.version(e.model,s))}">${s}</a>`,l=e.metrics.find(s=>s.primary),a=e.lineage;return i`<h1>${e.model} ${e.version} <span class="muted">model card</span></h1>
    ${e.deprecated?i`<p class="notice" role="note"><strong>Deprecated</strong> on ${x(e.deprecated.at)} by ${e.deprecated.by}${e.deprecated.reason?i`: ${e.deprecated.reason}`:""}. It can no longer be promoted.</p>`:""}
    <p>
      ${e.stages.length?i`Held by ${e.stages.map(s=>S(s,"stage"))}`:i`<span class="muted">No stage holds this version.</span>`}${l?i` · <code>${l.name}</code>
              <strong>${k(l.value)}</strong
              >${l.ci?i` (95% interval ${T(l.ci)})`:""}`:""}${e.gates?i` · gates ${e.gates.passed?i`<span class="ok">passed</span>`:i`<span class="bad">failed</span>`}`:""}
    </p>
    ${P("details","Model details",i`${e.description?i`<p class="prose">${e.description}</p>`:""}
        <dl class="facts">
          <dt>Model</dt>
          <dd>${e.model}</dd>
          <dt>Version</dt>
          <dd>${e.version}</dd>
          <dt>Task</dt>
          <dd>${e.task??"\u2014"}</dd>
          <dt>Owners</dt>
          <dd>${e.owners.length?e.owners.join(", "):"\u2014"}</dd>
          ${e.text.contact?i`<dt>Contact</dt>
                  <dd>${e.text.contact}</dd>`:""}
          ${e.text.license?i`<dt>License</dt>
                  <dd>${e.text.license}</dd>`:""}
          <dt>Format</dt>
          <dd>${e.artifact.format}</dd>
          <dt>Artifact</dt>
          <dd><code>${e.artifact.uri}</code></dd>
          <dt>Artifact sha256</dt>
          <dd><code>${e.artifact.sha256}</code></dd>
          <dt>Artifact size</dt>
          <dd>${z(e.artifact.bytes)}</dd>
          <dt>Registered</dt>
          <dd>${x(e.createdAt)} by ${e.createdBy}</dd>
        </dl>`)}
    ${P("intended-use","Intended use",i`${I(e,"intended_use")}
        <h3>Intended users</h3>
        ${I(e,"users")}
        <h3>Out of scope</h3>
        ${I(e,"out_of_scope_use")}`)}
    ${P("metrics","Metrics",i`${M({caption:`Metrics of ${e.model} ${e.version} on the evaluation data`,empty:"No metrics recorded (the version was registered without an evaluation report).",head:i`<th scope="col">Metric</th>
            <th scope="col" class="num">Value</th>
            <th scope="col" class="num">95% interval</th>
            <th scope="col">Better</th>`,rows:e.metrics.map(s=>i`<tr>
                <th scope="row">
                  <code>${s.name}</code>${s.primary?i` ${S("primary")}`:""}
                </th>
                <td class="num">${k(s.value)}</td>
                <td class="num">${s.ci?T(s.ci):"\u2014"}</td>
                <td>${s.direction??"\u2014"}</td>
              </tr>`)})}${e.metrics.some(s=>s.ci)?i`<p class="muted">Intervals are 95% bootstrap confidence intervals over the evaluation rows.</p>`:""}
        <h3>Gates</h3>
        ${e.gates?M({caption:"Gate results at registration",head:i`<th scope="col">Gate</th>
                  <th scope="col">Result</th>
                  <th scope="col">Why</th>`,rows:e.gates.results.map(s=>i`<tr>
                      <th scope="row"><code>${s.gate}</code></th>
                      <td>
                        ${s.passed?i`<span class="ok">passed</span>`:i`<span class="bad">failed</span>`}
                      </td>
                      <td>${s.reason}</td>
                    </tr>`),empty:"No gates were configured."}):i`<p class="muted">No gate results recorded.</p>`}`)}
    ${P("evaluation-data","Evaluation data",i`${I(e,"evaluation_data")}${ve(e.evaluationData,"evaluation data")}`)}
    ${P("training-data","Training data",i`${I(e,"training_data")}${ve(e.trainingData,"training data")}`)}
    ${P("slices","Slices",pr(e))}
    ${P("limitations","Limitations",I(e,"limitations"))}
    ${P("ethics","Ethical considerations",I(e,"ethical_considerations"))}
    ${P("caveats","Caveats and recommendations",I(e,"caveats"))}
    ${P("params","Parameters",e.params&&Object.keys(e.params).length?M({caption:"Training parameters",head:i`<th scope="col">Parameter</th>
              <th scope="col">Value</th>`,rows:Object.entries(e.params).map(([s,c])=>i`<tr>
                  <th scope="row"><code>${s}</code></th>
                  <td><code>${Z(c)}</code></td>
                </tr>`)}):i`<p class="muted">No parameters recorded.</p>`)}
    ${P("signature","Signature",e.signature?M({caption:"Model inputs and outputs",head:i`<th scope="col">Tensor</th>
              <th scope="col">Kind</th>
              <th scope="col">Type and shape</th>`,rows:[...e.signature.inputs.map(s=>i`<tr>
                    <th scope="row"><code>${s.name}</code></th>
                    <td>input</td>
                    <td><code>${W(s)}</code></td>
                  </tr>`),...e.signature.outputs.map(s=>i`<tr>
                    <th scope="row"><code>${s.name}</code></th>
                    <td>output</td>
                    <td><code>${W(s)}</code></td>
                  </tr>`)]}):i`<p class="muted">No signature recorded.</p>`)}
    ${P("lineage","Lineage",i`<dl class="facts">
          <dt>Code commit</dt>
          <dd>${H(t,a.commit)}${a.ref?i` on <code>${a.ref}</code>`:""}</dd>
          <dt>Workflow run</dt>
          <dd>${a.run_url?A(a.run_url,a.run_url):"\u2014"}</dd>
          <dt>Pull request</dt>
          <dd>${a.pull_request?O(t,a.pull_request):"\u2014"}</dd>
          <dt>Parent version</dt>
          <dd>${a.parent_version?n(a.parent_version):"\u2014"}</dd>
          <dt>Registry commit</dt>
          <dd>${e.registeredIn?H(t,e.registeredIn.commit):"\u2014"}</dd>
        </dl>
        ${e.promotions.length?i`<h3>Promotions</h3>
                <ul>
                  ${e.promotions.map(s=>i`<li>${x(s.date)}: ${s.action} to ${S(s.stage??"","stage")} by ${s.actor??s.author}${s.pullRequest?i` (pull request ${O(t,s.pullRequest)})`:""}</li>`)}
                </ul>`:""}`)}
    <p class="muted">
      The same card as Markdown with Hugging Face metadata:
      <code>modelci card ${e.model}@${e.version}</code>.
    </p>`}function pr(t){if(t.slices.length===0)return i`<p class="muted">
      No slice metrics recorded. Set <code>models.${t.model}.evaluate.slices</code> to evaluate
      per slice.
    </p>`;let e=it(t);return M({caption:"Metrics per slice of the evaluation data",head:i`<th scope="col">Column</th>
      <th scope="col">Value</th>
      <th scope="col" class="num">Rows</th>
      ${e.map(r=>i`<th scope="col" class="num">${r}</th>`)}`,rows:t.slices.map(r=>i`<tr>
          <td><code>${r.column}</code></td>
          <td>${r.value}</td>
          <td class="num">${r.rows}</td>
          ${e.map(o=>{let n=r.metrics[o];return i`<td class="num">
              ${n?`${k(n.value)}${n.ci?` [${T(n.ci)}]`:""}`:"\u2014"}
            </td>`})}
        </tr>`)})}function xe(t){let e=m.catalog,r=a=>C(e,a),o=t.models.reduce((a,s)=>a+s.versions.length,0),n=t.models.map(a=>mr(t,a,r)),l=i`<h1>${t.title}</h1>
    <p class="muted">
      ${t.models.length} model${t.models.length===1?"":"s"} · ${o}
      version${o===1?"":"s"} ·
      ${t.hasHistory?i`<a href="${r(m.audit())}">${t.audit.length} registry commits</a>`:"no git history (the registry was not read from a git checkout)"}
    </p>
    ${t.problems.length?i`<p class="problem" role="alert"><strong>${t.problems.length} registry file${t.problems.length===1?"":"s"} could not be read.</strong> They are listed <a href="#problems">below</a> and marked on their pages; everything else is shown.</p>`:""}
    <h2 id="models">Models</h2>
    ${M({caption:"Models: what each stage holds, its quality and drift",empty:"The registry holds no models yet. Register one with `modelci register`.",head:i`<th scope="col">Model</th>
        <th scope="col">Serving</th>
        <th scope="col">Quality</th>
        <th scope="col">Drift</th>
        <th scope="col">Other stages</th>
        <th scope="col">Latest</th>
        <th scope="col">Owners</th>`,rows:n})}
    ${hr(t.problems,e)}`;return E(t,{path:e,title:"Models",crumbs:[],body:l})}function mr(t,e,r){let o=ee(e),n=re(e,t.stageOrder),l=n?.pointer?o.get(n.pointer.version)?.record:void 0,a=F(e),s=X(l,a),c=e.versions[e.versions.length-1],d=n?nt(e,n):void 0,u=f=>o.has(f)?i`<a href="${r(m.version(e.name,f))}">${f}</a>`:i`${f} <span class="bad">(not registered)</span>`,h=n?.pointer?i`${S(n.stage,"stage")} ${u(n.pointer.version)}<br /><span
          class="muted"
          >since
          ${V(n.pointer.promoted_at)}${fr(n.pointer.promoted_at,t.generatedAt)}</span
        ><br /><span class="muted">${d?i`${d.how} by ${d.by}`:""}</span>`:i`<span class="muted">nothing promoted</span>`,$=s&&a?i`<span class="mono">${a}</span><br /><strong>${k(s.value)}</strong>${s.ci?i`<br /><span class="muted time">95% CI [${T(s.ci)}]</span>`:""}`:i`<span class="muted"
          >${a?`no ${a} recorded`:"no metrics recorded"}</span
        >`,v=e.stages.filter(f=>f!==n).map(f=>f.pointer?i`${S(f.stage,"stage")} ${u(f.pointer.version)} `:f.error?i`${S(f.stage,"bad")} <span class="bad">unreadable</span> `:""),g=(e.recordError?1:0)+e.versions.filter(f=>f.error).length+e.stages.filter(f=>f.error).length;return i`<tr>
    <th scope="row">
      <a href="${r(m.model(e.name))}">${e.name}</a>${e.description?i`<br /><span class="muted">${gr(e.description,140)}</span>`:""}${g?i`<br /><span class="bad">${g} unreadable file${g===1?"":"s"}</span>`:""}
    </th>
    <td>${h}</td>
    <td>${$}</td>
    <td>${ut(ne(e))}</td>
    <td>${v.length?v:i`<span class="muted">—</span>`}</td>
    <td>
      ${c?i`${u(c.version)}<br /><span class="muted"
                >${V(c.record?.created_at)}</span
              >`:i`<span class="muted">no versions</span>`}
    </td>
    <td>${e.owners.length?e.owners.join(", "):i`<span class="muted">—</span>`}</td>
  </tr>`}function fr(t,e){let r=et(t,e);return r?` (${r})`:""}function ut(t){if(!t)return i`<span class="muted">not checked</span>`;let e=`${(t.share*100).toFixed(0)}% of columns`;return t.drifted?i`<span class="bad">drifting</span><br /><span class="muted"
          >${e}${t.performance_drifted?", performance dropped":""} ·
          ${V(t.at)}</span
        >`:i`<span class="ok">stable</span><br /><span class="muted"
          >${e} · ${V(t.at)}</span
        >`}function gr(t,e){return t.length>e?`${t.slice(0,e-1)}\u2026`:t}function hr(t,e){if(t.length===0)return i``;let r=o=>C(e,o);return i`<h2 id="problems">Problems</h2>
    <p>
      These registry files could not be read. The site shows everything else;
      <code>modelci registry verify</code> checks the same files.
    </p>
    ${M({caption:"Registry files that could not be read",head:i`<th scope="col">File</th>
        <th scope="col">Problem</th>
        <th scope="col">Shown on</th>`,rows:t.map(o=>i`<tr>
            <td><code>${o.file}</code></td>
            <td>${o.message}</td>
            <td>
              ${o.model&&o.version?i`<a href="${r(m.version(o.model,o.version))}"
                      >${o.model} ${o.version}</a
                    >`:o.model?i`<a href="${r(m.model(o.model))}">${o.model}</a>`:"\u2014"}
            </td>
          </tr>`)})}`}var B=560,pt=200,b={left:56,right:16,top:16,bottom:30},$r=200,y=t=>(Math.round(t*10)/10).toString();function yr(t,e,r=4){if(!(e>t))return[t];let o=(e-t)/r,n=10**Math.floor(Math.log10(o)),l=[1,2,5,10].map(s=>s*n).find(s=>s>=o)??10*n,a=[];for(let s=Math.ceil(t/l)*l;s<=e+l*1e-9;s+=l)a.push(Number(s.toPrecision(12)));return a}function br(t){if(t.yDomain)return t.yDomain;let e=1/0,r=-1/0;for(let n of t.points)for(let l of[n.value,n.low,n.high])l!==void 0&&Number.isFinite(l)&&(e=Math.min(e,l),r=Math.max(r,l));if(t.threshold&&(e=Math.min(e,t.threshold.value),r=Math.max(r,t.threshold.value)),!Number.isFinite(e))return[0,1];let o=r>e?(r-e)*.08:Math.abs(r)*.05||.5;return[e-o,r+o]}function vr(t){let e=t.format??(c=>k(c)),r=t.points;if(r.length===0)return`No ${t.unit}s to chart.`;let o=r[0],n=r[r.length-1],l=o,a=o;for(let c of r)c.value>l.value&&(l=c),c.value<a.value&&(a=c);let s=`${r.length} ${t.unit}${r.length===1?"":"s"}`;return r.length===1?`${t.title}: ${e(o.value)} (${o.label}), 1 ${t.unit}.`:`${t.title} over ${s}: from ${e(o.value)} (${o.label}) to ${e(n.value)} (${n.label}); highest ${e(l.value)} (${l.label}), lowest ${e(a.value)} (${a.label}).`}function At(t){let e=t.format??(p=>k(p)),r=t.points.filter(p=>Number.isFinite(p.value)),[o,n]=br(t),l=B-b.left-b.right,a=pt-b.top-b.bottom,s=p=>r.length===1?b.left+l/2:b.left+p*l/(r.length-1),c=p=>b.top+a-(Math.min(Math.max(p,o),n)-o)/(n-o||1)*a,u=yr(o,n).filter(p=>p>=o&&p<=n).map(p=>i`<line
          class="chart-grid"
          x1="${b.left}"
          x2="${B-b.right}"
          y1="${y(c(p))}"
          y2="${y(c(p))}"
        /><text class="chart-tick" x="${b.left-6}" y="${y(c(p)+4)}" text-anchor="end"
          >${e(p)}</text
        >`),h=[],$=[],v=()=>{if($.length>1){let p=$.map(j=>`${y(s(j))},${y(c(r[j].high))}`),R=$.map(j=>`${y(s(j))},${y(c(r[j].low))}`).reverse();h.push([...p,...R].join(" "))}$=[]};r.forEach((p,R)=>{p.low!==void 0&&p.high!==void 0?$.push(R):v()}),v();let g=r.map((p,R)=>`${R?"L":"M"}${y(s(R))} ${y(c(p.value))}`).join(""),f=r.length<=$r?r.map((p,R)=>{let j=p.low!==void 0&&p.high!==void 0?` [${e(p.low)}, ${e(p.high)}]`:"";return i`<circle
            class="chart-point${p.kind?` ${p.kind}`:""}"
            cx="${y(s(R))}"
            cy="${y(c(p.value))}"
            r="3.5"
            ><title>${p.label}: ${e(p.value)}${j}</title></circle
          >`}):[],D=0,Q=r.flatMap((p,R)=>{if(!p.mark)return[];let j=s(R)>B*.7,Pe=b.top+10+12*(D++%4);return[i`<line class="chart-mark" x1="${y(s(R))}" x2="${y(s(R))}" y1="${b.top}" y2="${b.top+a}"/><text class="chart-mark-label" x="${y(s(R)+(j?-4:4))}" y="${Pe}" text-anchor="${j?"end":"start"}">${p.mark}</text>`]}),mt=r.length===1&&r[0].low!==void 0&&r[0].high!==void 0?i`<line class="chart-bar" x1="${y(s(0))}" x2="${y(s(0))}" y1="${y(c(r[0].low))}" y2="${y(c(r[0].high))}"/>`:"",_e=t.threshold?i`<line
          class="chart-threshold"
          x1="${b.left}"
          x2="${B-b.right}"
          y1="${y(c(t.threshold.value))}"
          y2="${y(c(t.threshold.value))}"
        /><text
          class="chart-threshold-label"
          x="${b.left+4}"
          y="${y(c(t.threshold.value)-4)}"
          text-anchor="start"
          >${t.threshold.label}</text
        >`:"",Tt=new Set([0,r.length-1]),jt=Math.min(4,r.length-2);for(let p=1;p<=jt;p++)Tt.add(Math.round(p*(r.length-1)/(jt+1)));let Ae=[...Tt].filter(p=>p>=0&&p<r.length).sort((p,R)=>p-R).map(p=>i`<text
          class="chart-tick"
          x="${y(s(p))}"
          y="${pt-8}"
          text-anchor="${r.length===1?"middle":p===0?"start":p===r.length-1?"end":"middle"}"
          >${r[p].label}</text
        >`),Ht=`${t.id}-title`,Et=`${t.id}-desc`;return i`<svg
    class="chart"
    viewBox="0 0 ${B} ${pt}"
    width="${B}"
    height="${pt}"
    role="img"
    aria-labelledby="${Ht} ${Et}"
    xmlns="http://www.w3.org/2000/svg"
  >
    <title id="${Ht}">${t.title}</title>
    <desc id="${Et}">
      ${vr({...t,points:r})}${h.length||mt?mt?" The bar is the 95% interval.":" The shaded band is the 95% interval.":""}
    </desc>
    ${u}
    <line
      class="chart-axis"
      x1="${b.left}"
      x2="${B-b.right}"
      y1="${b.top+a}"
      y2="${b.top+a}"
    />
    ${ae(h.map(p=>i`<polygon class="chart-band" points="${p}" />`))}${mt}${_e}${Q}
    <path class="chart-line" d="${g}" />
    ${f}${Ae}
  </svg>`}var ke=4,wr=6,Pt=30;function Ce(t,e){let r=m.model(e.name),o=c=>C(r,c),n=F(e),l=n?e.direction??Y(n):void 0,a=[...e.recordError?[i`<code>model.yaml</code>: ${e.recordError}`]:[],...e.stages.filter(c=>c.error).map(c=>i`<code>stages/${c.stage}.yaml</code>: ${c.error}`),...e.versions.filter(c=>c.error).map(c=>i`<a href="${o(m.version(e.name,c.version))}">${c.version}</a>: ${c.error}`)],s=i`<h1>${e.name}</h1>
    ${e.description?i`<p class="prose">${e.description}</p>`:""}
    ${a.length?i`<div class="problem" role="alert">
            <p>
              <strong
                >${a.length} file${a.length===1?"":"s"} of this model
                could not be read:</strong
              >
            </p>
            <ul>
              ${a.map(c=>i`<li>${c}</li>`)}
            </ul>
          </div>`:""}
    <dl class="facts">
      <dt>Task</dt>
      <dd>${e.task??"\u2014"}</dd>
      <dt>Primary metric</dt>
      <dd>
        ${n?i`<code>${n}</code>${l?` (${l} is better)`:""}`:"\u2014"}
      </dd>
      <dt>Owners</dt>
      <dd>${e.owners.length?e.owners.join(", "):"\u2014"}</dd>
      <dt>Versions</dt>
      <dd>${e.versions.length}</dd>
      ${e.record?i`<dt>Registered since</dt>
              <dd>${x(e.record.created_at)}</dd>`:""}
    </dl>
    <p>
      <a href="${o(m.modelAudit(e.name))}">Audit log of ${e.name}</a> (${e.history.length}
      commits)
    </p>
    ${xr(e,o)}
    <h2 id="stages">Stages</h2>
    ${kr(t,e,r)}
    <h2 id="metrics">Metrics across versions</h2>
    ${Mr(t,e)}
    <h2 id="versions">Versions</h2>
    ${Sr(t,e,r)}
    <h2 id="timeline">Stage timeline</h2>
    ${Rr(t,e)}
    <h2 id="drift">Drift</h2>
    ${_r(e)}
    <h2 id="runs">Runs</h2>
    ${Ar(t,e)}`;return E(t,{path:r,title:e.name,crumbs:[{label:"Models",path:m.catalog},{label:e.name}],body:s,script:!0})}function xr(t,e){let r=t.history.filter(o=>o.manual).length;return r===0?i``:i`<p class="notice" role="note">
    ${r} commit${r===1?"":"s"} changed files of ${t.name} without modelci's trailers (by hand,
    not through register or promote): see them in the
    <a href="${e(m.modelAudit(t.name))}?action=edit">audit log</a>.
  </p>`}function kr(t,e,r){let o=l=>C(r,l),n=new Set(e.versions.map(l=>l.version));return e.stages.length===0?i`<p class="muted">No stage holds a version of ${e.name} yet.</p>`:i`<div class="cards">${e.stages.map(l=>Cr(t,e,l,n,o))}</div>`}function Cr(t,e,r,o,n){if(r.error)return i`<section class="card problem" aria-label="Stage ${r.stage}">
      <h3>${r.stage}</h3>
      <p class="bad">The pointer file could not be read: ${r.error}</p>
    </section>`;let l=r.pointer;if(!l)return i`<section class="card" aria-label="Stage ${r.stage}">
      <h3>${r.stage}</h3>
      <p class="muted">holds no version</p>
    </section>`;let a=nt(e,r),s=a?.event,c=et(l.promoted_at,t.generatedAt);return i`<section class="card" aria-label="Stage ${r.stage}">
    <h3>${r.stage}</h3>
    <p>
      <strong
        >${o.has(l.version)?i`<a href="${n(m.version(e.name,l.version))}">${e.name} ${l.version}</a>`:i`${l.version} <span class="bad">(not registered)</span>`}</strong
      >${l.rollback?i` ${S("rollback","warn")}`:""}
    </p>
    <p>since ${x(l.promoted_at)}${c?` (${c})`:""}</p>
    <p>
      ${a?i`${a.how} by <strong>${a.by}</strong>`:""}${s?.actor&&a&&s.actor!==a.by?` (run by ${s.actor})`:""}
    </p>
    ${l.reason?i`<p>why: ${l.reason}</p>`:""}
    ${l.previous?i`<p class="muted">before: ${o.has(l.previous)?i`<a href="${n(m.version(e.name,l.previous))}">${l.previous}</a>`:l.previous}</p>`:""}
    <p class="muted">
      ${l.run_url?i`${A(l.run_url,"workflow run")} · `:""}${s?.pullRequest?i`pull request ${O(t,s.pullRequest)} · `:""}${s?i`commit ${H(t,s.commit)}`:""}
    </p>
  </section>`}function Mr(t,e){let r=kt(e).slice(0,wr);if(r.length===0)return i`<p class="muted">
      No version of ${e.name} has recorded metrics (register with an evaluation report to record
      them).
    </p>`;let o=new Map;for(let n of e.stages)n.pointer&&o.set(n.pointer.version,[o.get(n.pointer.version),n.stage].filter(Boolean).join(", "));return i`<div class="charts">
      ${r.map((n,l)=>{let a=[];for(let s of e.versions){let c=X(s.record,n);if(!c)continue;let d=o.get(s.version);a.push({label:s.version,value:c.value,...c.ci?{low:c.ci[0],high:c.ci[1]}:{},...d?{mark:d}:{}})}return i`<figure>
          ${At({id:`chart-${l}`,title:`${n} by version`,points:a,unit:"version"})}
          <figcaption>
            <code>${n}</code> of each
            version${a.some(s=>s.low!==void 0)?" with its 95% interval (band)":""};
            dashed lines mark what the stages hold.
          </figcaption>
        </figure>`})}
    </div>
    <p class="muted">
      Values of every version are in the table below${t.hasHistory,""}.
    </p>`}function Sr(t,e,r){let o=s=>C(r,s),n=kt(e).slice(0,ke),l=[...e.versions].reverse().map(s=>{let c=s.record,d=ot(e,s.version),u=s.error?"unreadable":c?.deprecated?"deprecated":c?.gates?c.gates.passed?"passed":"failed":"no gates";return i`<tr data-stage="${d.join(" ")||"none"}" data-state="${u}">
      <th scope="row"><a href="${o(m.version(e.name,s.version))}">${s.version}</a></th>
      ${s.error?i`<td colspan="${n.length+3}" class="bad">unreadable: ${s.error}</td>`:i`<td>${V(c?.created_at)}</td>
              <td>${c?.created_by??"\u2014"}</td>
              ${n.map(h=>i`<td class="num">${yt(X(c,h))}</td>`)}
              <td>
                ${c?.gates?c.gates.passed?i`<span class="ok">passed</span>`:i`<span class="bad">failed</span>`:i`<span class="muted">—</span>`}${c?.deprecated?i` ${S("deprecated","warn")}`:""}
              </td>`}
      <td>${d.map(h=>S(h,"stage"))}</td>
    </tr>`}),a=[...new Set([...t.stageOrder,...e.stages.map(s=>s.stage)])];return i`${e.versions.length>10?lt("versions-table","Filter versions",[{name:"stage",label:"Stage",options:[...a,"none"]},{name:"state",label:"Gates",options:["passed","failed","no gates","deprecated","unreadable"]}]):""}${M({id:"versions-table",caption:`Versions of ${e.name}, newest first`,empty:`${e.name} has no versions yet.`,head:i`<th scope="col">Version</th>
      <th scope="col">Registered</th>
      <th scope="col">By</th>
      ${n.map(s=>i`<th scope="col" class="num">${s}</th>`)}
      <th scope="col">Gates</th>
      <th scope="col">Stages</th>`,rows:l})}${n.length?i`<p class="muted">Metrics as value [95% interval].</p>`:""}`}function Rr(t,e){if(!t.hasHistory)return i`<p class="notice">
      The registry was not read from a git checkout, so the timeline is unknown; the stage cards
      above show the current pointers.
    </p>`;let r=oe(e);return M({caption:`Promotions and rollbacks of ${e.name}, newest first`,empty:`No promotion of ${e.name} is recorded in git history.`,head:ct(["When","Stage","Version","What","By","Why","Run","Pull request","Commit"]),rows:r.map(o=>i`<tr>
          <td class="time">${x(o.date)}</td>
          <td>${S(o.stage??"","stage")}</td>
          <td>${o.version??"\u2014"}</td>
          <td>${o.action}</td>
          <td>
            ${o.actor??o.author}${o.mergedBy?i`<br /><span class="muted">merged by ${o.mergedBy}</span>`:""}
          </td>
          <td>${o.body??""}</td>
          <td>${o.run?A(o.run,"run"):"\u2014"}</td>
          <td>${o.pullRequest?O(t,o.pullRequest):"\u2014"}</td>
          <td>${H(t,o.commit)}</td>
        </tr>`)})}function _r(t){if(t.drift.length===0)return i`<p class="muted">
      No drift checks recorded for ${t.name}. The drift workflow's history file (<code
        >modelci drift --history</code
      >) feeds this section: pass it to <code>modelci site --drift-history</code>.
    </p>`;let e=t.drift[t.drift.length-1],r=e.threshold,o=At({id:"chart-drift",title:"Share of drifted columns by check",unit:"check",yDomain:[0,1],format:l=>`${(l*100).toFixed(0)}%`,...r!==void 0?{threshold:{value:r,label:`threshold ${(r*100).toFixed(0)}%`}}:{},points:t.drift.map(l=>({label:V(l.at),value:l.share,kind:l.drifted?"bad":"good"}))}),n=[...t.drift].reverse().slice(0,Pt).map(l=>i`<tr>
          <td class="time">${x(l.at)}</td>
          <td>${ut(l)}</td>
          <td class="num">${l.n_drifted} of ${l.n_tested}</td>
          <td>
            ${l.performance_drifted===void 0?i`<span class="muted">not checked</span>`:l.performance_drifted?i`<span class="bad">dropped</span>`:i`<span class="ok">held</span>`}
          </td>
          <td>${l.run_url?A(l.run_url,"run"):"\u2014"}</td>
        </tr>`);return i`<p>Last check ${x(e.at)}: ${ut(e)}</p>
    <figure>
      ${o}
      <figcaption>Share of columns that drifted at each check (red: drift found).</figcaption>
    </figure>
    ${M({caption:`Drift checks of ${t.name}, newest first`,head:i`<th scope="col">When</th>
        <th scope="col">Verdict</th>
        <th scope="col" class="num">Drifted columns</th>
        <th scope="col">Performance</th>
        <th scope="col">Run</th>`,rows:n})}${t.drift.length>Pt?i`<p class="muted">The ${Pt} newest of ${t.drift.length} checks; the chart shows all.</p>`:""}`}function Ar(t,e){if(e.runs.length===0)return i`<p class="muted">No training runs recorded for ${e.name}.</p>`;let r=[...new Set(e.runs.flatMap(a=>Object.keys(a.metrics??{})))].slice(0,ke),o=m.model(e.name),n=a=>C(o,a),l=new Set(e.versions.map(a=>a.version));return M({caption:`Training runs of ${e.name}, newest first`,head:i`<th scope="col">Run</th>
      <th scope="col">When</th>
      <th scope="col">Status</th>
      <th scope="col">Commit</th>
      ${r.map(a=>i`<th scope="col" class="num">${a}</th>`)}
      <th scope="col">Params</th>
      <th scope="col">Version</th>`,rows:e.runs.map(a=>a.error?i`<tr>
            <th scope="row"><code>${a.id}</code></th>
            <td colspan="${r.length+5}" class="bad">${a.error}</td>
          </tr>`:i`<tr>
            <th scope="row">
              ${a.url?A(a.url,i`<code>${a.id}</code>`):i`<code>${a.id}</code>`}
            </th>
            <td class="time">${x(a.created_at)}</td>
            <td>
              ${a.status?i`<span class="${a.status==="failed"?"bad":""}">${a.status}</span>`:"\u2014"}
            </td>
            <td>${H(t,a.commit)}</td>
            ${r.map(s=>i`<td class="num">${yt(a.metrics?.[s])}</td>`)}
            <td><code>${Ft(a.params)}</code></td>
            <td>
              ${a.version?l.has(a.version)?i`<a href="${n(m.version(e.name,a.version))}">${a.version}</a>`:a.version:"\u2014"}
            </td>
          </tr>`)})}function Me(t){let e=[{path:m.stylesheet,content:ye},{path:m.script,content:be},{path:m.catalog,content:xe(t)},..._t(t)];for(let r of t.models){e.push({path:m.model(r.name),content:Ce(t,r)}),e.push(..._t(t,r.name));for(let o of r.versions)e.push({path:m.version(r.name,o.version),content:we(t,r,o)})}return e}async function Se(t){let e=t.config??{version:1},r=t.registry??L(e.registry).path,{data:o,notes:n}=await te({registry:r,config:e,now:t.now??new Date().toISOString(),...t.driftHistory?{driftHistory:t.driftHistory}:{},...t.title?{title:t.title}:{},...t.repositoryUrl?{repositoryUrl:t.repositoryUrl}:{},...t.env?{env:t.env}:{}}),l=$e(t.out,Me(o));return{out:t.out,index:Pr(t.out,m.catalog),pages:l.files,bytes:l.bytes,models:o.models.length,versions:o.models.reduce((a,s)=>a+s.versions.length,0),problems:o.problems,notes:n}}function Re(t,e){let r=Dt(t,e);return r?`${t.env.serverUrl}/${r.fullName}`:void 0}async function jn({values:t,given:e},r){let{config:o}=gt(t.config,{explicit:e.has("config")}),n=Re(r,t.repository);return Se({out:t.out,config:o,title:t.title,driftHistory:t.driftHistory,...t.registry!==void 0?{registry:t.registry}:{},...n?{repositoryUrl:n}:{},env:r.processEnv})}async function Hn({values:t,given:e,positionals:r},o){let[n]=r;if(!n)throw new N("USAGE","pass one model reference, e.g. churn@1.2.0 or churn#production");let{config:l}=gt(t.config,{explicit:e.has("config")}),a=Re(o,t.repository);return pe({ref:n,config:l,...t.registry!==void 0?{registry:t.registry}:{},...t.out!==void 0?{out:t.out}:{},...a?{repositoryUrl:a}:{},env:o.processEnv})}export{z as a,jn as b,Hn as c};
