import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
import{a as R,d as X,e as Y}from"./chunk-A2VH3TKQ.js";import{a as F}from"./chunk-LZSLVR24.js";import{a as I}from"./chunk-BZUVTXWO.js";import{a as W,b as x,c as Q,d as P,e as y}from"./chunk-IUB6JU4O.js";import{c as q,h as B,j as z}from"./chunk-WAMGWVJT.js";import{a as J}from"./chunk-HZHE4LXN.js";import{b as G,c as H}from"./chunk-P5USFPHL.js";import{l as K}from"./chunk-S4EMHFME.js";import{a as ye}from"./chunk-EIEVJARL.js";import{a}from"./chunk-LELQE3LJ.js";import{d as be}from"./chunk-HW5XXTOA.js";import{chmodSync as Ke,copyFileSync as qe,mkdirSync as N,mkdtempSync as Be,readdirSync as ze,renameSync as Je,rmSync as Xe,statSync as Ye,writeFileSync as C}from"node:fs";import{basename as We,dirname as M,join as p,resolve as Qe}from"node:path";var re=be(ye(),1);var $e=/^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$/,Se={n:1e-9,u:1e-6,m:.001,"":1,k:1e3,M:1e6,G:1e9,T:1e12,P:1e15,E:1e18,Ki:2**10,Mi:2**20,Gi:2**30,Ti:2**40,Pi:2**50,Ei:2**60};function $(e){if(!$e.test(e))return;let t=/^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(.*)$/.exec(e),r=Number(t[1]),o=t[2];return/^[eE]/.test(o)?r*10**Number(o.slice(1)):r*Se[o]}function S(e,t){let r=$(e);if(r===void 0||r<=0)throw new a("INPUT",`"${e}" is not a positive Kubernetes quantity`,{path:t,hint:"e.g. 250m or 1 for cpu, 256Mi or 1Gi for memory"})}var Oe={"api-keys":"MODELCI_SERVE_API_KEYS_FILE","admin-token":"MODELCI_SERVE_ADMIN_TOKEN_FILE"};function ke(e){if(!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(e))throw new a("INPUT",`"${e}" is not a serve option name`,{path:`serveOptions.${e}`,hint:"Use the flag names of `modelci serve --help` without the dashes, e.g. batch-max-rows"});return Oe[e]??`MODELCI_SERVE_${e.toUpperCase().replaceAll("-","_")}`}function Z(e){return Object.entries(e).map(([t,r])=>({name:ke(t),value:String(r)}))}var h=10001,d=8080,oe="/var/log/modelci",Ie=`${oe}/predictions.jsonl`,ee={requests:{cpu:"250m",memory:"256Mi"},limits:{cpu:"1",memory:"1Gi"}};function O(e,t){let r=t.replace(/[^\w.-]/g,"-"),o=`${e}:${r}`;try{return x(o),o}catch{return`${P(e)}:${r}`}}var xe=["host","port","log-predictions"];function Pe(e){let t={requests:{...ee.requests,...e?.requests},limits:{...ee.limits,...e?.limits}};for(let r of["cpu","memory"])if(S(t.requests[r],`resources.requests.${r}`),S(t.limits[r],`resources.limits.${r}`),$(t.requests[r])>$(t.limits[r]))throw new a("INPUT",`the ${r} request ${t.requests[r]} is above its limit ${t.limits[r]}`,{path:`resources.requests.${r}`,hint:"Raise the limit or lower the request"});return t}function _e(e){if(!e.version||!/^[0-9A-Za-z.+-]+$/.test(e.version))throw new a("INPUT",`"${e.version}" is not a model version`,{path:"version"});x(e.image);let t=e.port??d;if(!Number.isInteger(t)||t<1||t>65535)throw new a("INPUT",`port ${t} is not between 1 and 65535`,{path:"port"});let r=e.uid??h;if(!Number.isInteger(r)||r<1)throw new a("INPUT",`uid ${r} is not a non-root user id`,{path:"uid",hint:"runAsNonRoot needs a numeric user id above 0"});if(e.replicas!==void 0&&(!Number.isInteger(e.replicas)||e.replicas<1))throw new a("INPUT",`replicas ${e.replicas} is not a positive integer`,{path:"replicas"});if(e.namespace!==void 0&&!Q(e.namespace))throw new a("INPUT",`"${e.namespace}" is not a namespace name`,{path:"namespace",hint:"lower-case letters, digits and -, starting with a letter, 63 at most"});for(let o of Object.keys(e.serveOptions??{}))if(xe.includes(o))throw new a("INPUT",`serve option ${o} is set by the manifests`,{path:`serveOptions.${o}`,hint:"Probes need the server on 0.0.0.0 at the given port, and the log on its volume"});e.predictionLogLimit!==void 0&&S(e.predictionLogLimit,"predictionLogLimit")}function te(e,t){let r=e.port??d,o=e.uid??h,c=[{name:"MODELCI_SERVE_HOST",value:"0.0.0.0"},{name:"MODELCI_SERVE_PORT",value:String(r)},{name:"MODELCI_SERVE_LOG_PREDICTIONS",value:Ie},...Z(e.serveOptions??{})],n=(u,E,m)=>({httpGet:{path:u,port:t},periodSeconds:E,timeoutSeconds:2,failureThreshold:m}),s={image:e.image,imagePullPolicy:W(e.image)?"IfNotPresent":"Always",env:c,resources:Pe(e.resources),startupProbe:n("/v2/health/live",2,60),readinessProbe:n("/v2/health/ready",5,3),livenessProbe:n("/v2/health/live",10,3),securityContext:{runAsNonRoot:!0,runAsUser:o,runAsGroup:o,allowPrivilegeEscalation:!1,readOnlyRootFilesystem:!0,capabilities:{drop:["ALL"]},seccompProfile:{type:"RuntimeDefault"}},volumeMounts:[{name:"predictions",mountPath:oe},{name:"tmp",mountPath:"/tmp"}]},i={automountServiceAccountToken:!1,enableServiceLinks:!1,securityContext:{runAsNonRoot:!0,runAsUser:o,runAsGroup:o,fsGroup:o,seccompProfile:{type:"RuntimeDefault"}},volumes:[{name:"predictions",emptyDir:{sizeLimit:e.predictionLogLimit??"1Gi"}},{name:"tmp",emptyDir:{sizeLimit:"64Mi"}}]};return{port:r,container:s,pod:i}}function _(e,t,r){let o=new re.Document(r,{aliasDuplicateObjects:!1});return o.commentBefore=t.map(c=>` ${c}`).join(`
`),{path:e,text:o.toString({lineWidth:100})}}function ne(e){_e(e);let t=P(e.model),r={"app.kubernetes.io/name":t,"app.kubernetes.io/instance":t},o={...r,"app.kubernetes.io/version":y(e.version),"app.kubernetes.io/component":"model-server","app.kubernetes.io/managed-by":"modelci","modelci.dev/model":y(e.model),"modelci.dev/version":y(e.version)},c={"modelci.dev/model":e.model,"modelci.dev/version":e.version,...e.sha256?{"modelci.dev/artifact-sha256":e.sha256}:{}},n={name:t,...e.namespace?{namespace:e.namespace}:{},labels:o,annotations:c},s=l=>[`Written by \`modelci package\`: ${l} for model ${e.model} ${e.version}.`,`Image: ${e.image}`],i=te(e,"http"),u={apiVersion:"apps/v1",kind:"Deployment",metadata:n,spec:{replicas:e.replicas??1,selector:{matchLabels:r},strategy:{type:"RollingUpdate",rollingUpdate:{maxSurge:1,maxUnavailable:0}},template:{metadata:{labels:o,annotations:{...c,"prometheus.io/scrape":"true","prometheus.io/port":String(i.port),"prometheus.io/path":"/metrics"}},spec:{...i.pod,containers:[{name:"server",...i.container,ports:[{name:"http",containerPort:i.port,protocol:"TCP"}]}]}}}},E={apiVersion:"v1",kind:"Service",metadata:n,spec:{type:"ClusterIP",selector:r,ports:[{name:"http",port:80,targetPort:"http",protocol:"TCP"}]}},m=te(e,e.port??d),f={apiVersion:"serving.kserve.io/v1beta1",kind:"InferenceService",metadata:n,spec:{predictor:{minReplicas:e.replicas??1,...m.pod,containers:[{name:"kserve-container",...m.container,env:[{name:"PROTOCOL",value:"v2"},...m.container.env],ports:[{name:"http1",containerPort:m.port,protocol:"TCP"}]}]}}};return[_("deployment.yaml",s("the Deployment"),u),_("service.yaml",s("the Service in front of the Deployment"),E),_("kserve/inferenceservice.yaml",[...s("a KServe InferenceService (v2 protocol, custom predictor)"),"Apply this instead of deployment.yaml and service.yaml where KServe runs."],f)]}var w="node:24-bookworm-slim@sha256:6f7b03f7c2c8e2e784dcf9295400527b9b1270fd37b7e9a7285cf83b6951452d",we={modelci:"/opt/modelci",model:"/opt/model",healthcheck:"/opt/modelci-healthcheck.mjs"};function se(e){let t=[["org.opencontainers.image.title",`${e.model} model server`],["org.opencontainers.image.description",e.description??`${e.model} ${e.version} served over the Open Inference Protocol (KServe v2)`],["org.opencontainers.image.version",e.version],["org.opencontainers.image.created",e.created]];return e.commit&&t.push(["org.opencontainers.image.revision",e.commit]),e.sourceUrl&&t.push(["org.opencontainers.image.source",e.sourceUrl]),t.push(["io.modelci.model.name",e.model],["io.modelci.model.version",e.version],["io.modelci.model.sha256",e.sha256]),e.commit&&t.push(["io.modelci.model.commit",e.commit]),t.push(["io.modelci.version",e.modelciVersion]),t.map(([r,o])=>[r,o.replace(/\s*[\r\n\t]+\s*/g," ").trim()])}function ie(e){return`"${e.replace(/[\\"$]/g,t=>`\\${t}`)}"`}function ae(e){let t=we,r=`${t.modelci}/node_modules/onnxruntime-node`,o=e.labels.map(([c,n])=>`      ${c}=${ie(n)}`).join(` \\
`);return`# ${e.model} ${e.version} served by \`modelci serve\`; written by \`modelci package\` (see README.md).
# Another Node.js (>= 20) image on Debian can replace the base: --build-arg BASE=<image>.
ARG BASE=${w}

FROM \${BASE} AS build
WORKDIR /build
COPY model/ model/
# Checked again here: an artifact changed after \`modelci package\` fails the build.
RUN cd model && sha256sum --check --strict SHA256SUMS
COPY ${e.modelciTarball} ./
COPY onnxruntime/ onnxruntime/
# Only node and tar: no package manager, no network. The CPU library of this image's
# architecture is kept, and loaded once so a base without its C++ runtime fails here.
RUN mkdir -p ${t.modelci} \\
 && tar -xzf ${e.modelciTarball} -C ${t.modelci} --strip-components=1 --no-same-owner \\
 && mv onnxruntime/node_modules ${t.modelci}/node_modules \\
 && arch="$(node -p process.arch)" \\
 && for d in ${r}/bin/napi-v*/linux/*; do [ "\${d##*/}" = "$arch" ] || rm -rf "$d"; done \\
 && node -e "require('${r}')"

FROM \${BASE}
ARG BASE
LABEL org.opencontainers.image.base.name="\${BASE}" \\
${o}
RUN useradd --uid ${h} --user-group --no-create-home \\
      --home-dir /nonexistent --shell /usr/sbin/nologin modelci
COPY --from=build ${t.modelci} ${t.modelci}
COPY --from=build /build/model ${t.model}
COPY healthcheck.mjs ${t.healthcheck}
# Every \`modelci serve\` option is an environment variable (MODELCI_SERVE_<OPTION>) or an argument.
ENV NODE_ENV=production \\
    MODELCI_SERVE_ARTIFACT=${ie(`${e.model}=${t.model}/${e.artifactFile}`)} \\
    MODELCI_SERVE_HOST=0.0.0.0 \\
    MODELCI_SERVE_PORT=${d}
USER ${h}:${h}
EXPOSE ${d}
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \\
  CMD ["node", "${t.healthcheck}"]
ENTRYPOINT ["node", "${t.modelci}/bin/modelci.js", "serve"]
`}var ce=`# Only what the Dockerfile copies goes to the builder.
*
!model/
!onnxruntime/
!modelci-*.tgz
!healthcheck.mjs
`,me=`// The image's HEALTHCHECK: exit 0 when modelci serve answers 200 on /v2/health/ready.
const port = process.env.MODELCI_SERVE_PORT || '${d}';
const res = await fetch(\`http://127.0.0.1:\${port}/v2/health/ready\`, {
  signal: AbortSignal.timeout(4000),
}).catch(() => undefined);
process.exit(res?.status === 200 ? 0 : 1);
`;function le(e,t){return`${e}  ${t}
`}function De(e){return e.startsWith("kserve/")?"KServe InferenceService: this image as a custom predictor, v2 protocol":e.includes("service")?"Kubernetes Service in front of the Deployment":"Kubernetes Deployment: probes on the v2 health endpoints, non-root, read-only root"}function Te(e){return e.replace(/\|/g,"\\|").replace(/\n/g," ")}function de(e){let t=O(e.model,e.version),r=e.serveOptions.map(o=>`| \`--${o.flag}\` | \`${o.env}\` | ${Te(o.description)} |`);return`# ${e.model} ${e.version}: container build context

Written by \`modelci package\` (modelci ${e.modelciVersion}). The image serves the model with
\`modelci serve\` over the Open Inference Protocol (KServe v2 REST) on port ${d}, as user
${h} (not root).

| file | what it is |
| --- | --- |
| \`Dockerfile\` | multi-stage build; \`ARG BASE\` defaults to \`${w}\` |
| \`model/${e.artifactFile}\` | the artifact, sha256 \`${e.sha256}\` (checked again by the build) |
| \`modelci-${e.modelciVersion}.tgz\` | the modelci npm package |
| \`onnxruntime/\` | onnxruntime-node ${e.onnxruntimeVersion}, CPU library for linux ${e.arches.join(", ")} (no GPU libraries) |
| \`healthcheck.mjs\` | the image's \`HEALTHCHECK\`: GET /v2/health/ready |
${e.manifests.map(o=>`| \`kubernetes/${o}\` | ${De(o)} |`).join(`
`)}

The build needs no network: everything it installs is here.

## Build

\`\`\`sh
docker build -t ${t} .
# or, without a daemon (HEALTHCHECK needs the docker format):
buildah bud --format docker -t ${t} .
# another Node.js (>= 20) image on Debian:
docker build --build-arg BASE=node:22-bookworm-slim -t ${t} .
\`\`\`

## Run

\`\`\`sh
docker run --rm -p ${d}:${d} ${t}
curl -s localhost:${d}/v2/health/ready
curl -s localhost:${d}/v2/models/${e.model}
\`\`\`

Arguments after the image name are \`modelci serve\` options (\`docker run ${t} --threads 2\`);
each option is an environment variable too (\`-e MODELCI_SERVE_THREADS=2\`). The health check asks
\`127.0.0.1:$MODELCI_SERVE_PORT\`: change the port through the variable, not \`--port\`. The image
sets \`MODELCI_SERVE_ARTIFACT\`, \`MODELCI_SERVE_HOST=0.0.0.0\` and \`MODELCI_SERVE_PORT=${d}\`.

## Kubernetes

\`kubernetes/\` is not part of the image (\`.dockerignore\` leaves it out). Its manifests run
\`${e.image}\`: push the image under that reference (by digest is best), or write them again with
\`modelci package --image <ref>\`; the gitops deploy target rewrites the reference on deploy.

\`\`\`sh
kubectl apply -f kubernetes/                      # Deployment + Service
kubectl apply -f kubernetes/kserve/               # or: a KServe InferenceService (v2 protocol)
\`\`\`

## Serve options

| option | environment | what it does |
| --- | --- | --- |
${r.join(`
`)}
`}import{cpSync as pe,existsSync as T,readdirSync as Le,readFileSync as Ne}from"node:fs";import{createRequire as k}from"node:module";import{homedir as Ce}from"node:os";import{dirname as D,join as v,sep as Me}from"node:path";var Ae=["x64","arm64"],ue=/cuda|tensorrt|directml|dml/i;function ge(e,t){for(let r=D(e);r!==D(r);r=D(r)){let o=v(r,"package.json");if(T(o)&&JSON.parse(Ne(o,"utf8")).name===t)return r}throw new a("MODEL",`cannot find the folder of ${t} above ${e}`)}async function fe(e,t){let r=n=>{let s=ge(n.resolve("onnxruntime-node"),"onnxruntime-node"),i=k(v(s,"package.json"));return{dir:s,common:ge(i.resolve("onnxruntime-common"),"onnxruntime-common")}};if(e.MODELCI_ONNXRUNTIME_DIR)return r(k(v(e.MODELCI_ONNXRUNTIME_DIR,"package.json")));try{return r(k(import.meta.url))}catch(n){if(n.code!=="MODULE_NOT_FOUND")throw n}let o=X(e,process.platform,Ce());if(!o)throw new a("MODEL","cannot find onnxruntime-node to put into the image",{hint:`Install it next to modelci (npm install --ignore-scripts onnxruntime-node@${R}), or set MODELCI_ONNXRUNTIME_DIR`});let c=await Y({toolCache:o,log:t});return r(k(v(c.dir,"package.json")))}function he(e,t){let r=v(e.dir,"bin"),o=T(r)?Le(r).filter(s=>s.startsWith("napi-v")):[],c=Ae.filter(s=>o.some(i=>T(v(r,i,"linux",s,"onnxruntime_binding.node"))));if(!c.length)throw new a("MODEL",`onnxruntime-node in ${e.dir} has no Linux CPU library (bin/napi-v*/linux/x64 or arm64)`,{hint:`Install the full package next to modelci (npm install --ignore-scripts onnxruntime-node@${R}), or point MODELCI_ONNXRUNTIME_DIR at a folder that has it`});let n=v(t,"node_modules","onnxruntime-node");return pe(e.dir,n,{recursive:!0,filter:s=>{let i=s.slice(e.dir.length+1).split(Me);return i[0]==="script"||i[0]==="node_modules"?!1:i[0]!=="bin"||i.length<3?!ue.test(i.at(-1)??""):i[2]!=="linux"||i.length>=4&&!c.includes(i[3])?!1:!ue.test(i.at(-1)??"")}}),pe(e.common,v(t,"node_modules","onnxruntime-common"),{recursive:!0,filter:s=>!s.slice(e.common.length+1).startsWith("node_modules")}),c}import{execFile as Ue}from"node:child_process";import{existsSync as Ve,readFileSync as je}from"node:fs";import{dirname as L,join as Fe}from"node:path";import{fileURLToPath as Ge}from"node:url";function He(e=Ge(import.meta.url)){for(let t=L(e);t!==L(t);t=L(t)){let r=Fe(t,"package.json");if(Ve(r)&&JSON.parse(je(r,"utf8")).name==="modelci")return t}throw new a("USAGE",`cannot find the modelci package above ${e}`)}function ve(e,t){let r=He(),o=["pack",r,"--json","--ignore-scripts","--pack-destination",e];return new Promise((c,n)=>{Ue("npm",o,{cwd:e,env:{...t,npm_config_update_notifier:"false"},maxBuffer:64*1024*1024,shell:process.platform==="win32"},(s,i,u)=>{if(s)return n(new a("USAGE",`npm pack of modelci (${r}) failed: ${(u||s.message).trim().split(`
`).slice(-2).join(" ")}`,{hint:"modelci package needs npm (it comes with Node.js)"}));let[E]=JSON.parse(i);c(E.filename)})})}function Ze(e){let t;try{if(!Ye(e).isDirectory())throw new a("FILE","the output folder is a file",{file:e,hint:"Give a new or empty folder"});t=ze(e)}catch(r){if(r.code==="ENOENT")return;throw r}if(t.length)throw new a("FILE",`the output folder is not empty (${t.length} ${t.length===1?"entry":"entries"}, e.g. ${t.slice(0,3).join(", ")})`,{file:e,hint:"Give a new or empty folder; the context is written whole, never merged"})}function et(){return Object.entries(F.options).flatMap(([e,t])=>t.env?[{flag:e,env:t.env,description:t.description}]:[])}async function Ee(e){let t=Qe(e.out);Ze(t);let r=z(e.registryDir,e.registryOptions),{model:o,ref:c}=B(e.ref),n=r.resolve(o,c),s=`${n.model}@${n.version}`,i=e.image??O(o,n.version),u=ne({model:o,version:n.version,image:i,sha256:n.artifact.sha256}),E=await r.readArtifact(n),m=n.artifact.sha256,f=`${o}.${n.artifact.format||"onnx"}`;e.log(`packaging ${s} (sha256 ${m.slice(0,12)}\u2026)`),N(M(t),{recursive:!0});let l=Be(p(M(t),`.${We(t)}.partial-`));try{Ke(l,493),N(p(l,"model")),qe(E,p(l,"model",f)),await q(p(l,"model",f),m,s),C(p(l,"model","SHA256SUMS"),le(m,f));let b=await ve(l,e.env),A=he(await fe(e.env,e.log),p(l,"onnxruntime")),U=r.getModel(o)?.description,V=se({model:o,version:n.version,sha256:m,...n.lineage.commit?{commit:n.lineage.commit}:{},created:n.created_at,...U?{description:U}:{},...e.sourceUrl?{sourceUrl:e.sourceUrl}:{},modelciVersion:I}),j={Dockerfile:ae({model:o,version:n.version,sha256:m,artifactFile:f,modelciTarball:b,labels:V}),".dockerignore":ce,"healthcheck.mjs":me,"README.md":de({model:o,version:n.version,sha256:m,artifactFile:f,modelciVersion:I,onnxruntimeVersion:R,arches:A,serveOptions:et(),image:i,manifests:u.map(g=>g.path)})};for(let[g,Re]of Object.entries(j))C(p(l,g),Re);for(let g of u)N(M(p(l,"kubernetes",g.path)),{recursive:!0}),C(p(l,"kubernetes",g.path),g.text);return Je(l,t),{model:o,version:n.version,sha256:m,context:t,dockerfile:p(t,"Dockerfile"),manifests:p(t,"kubernetes"),image:i,files:[...Object.keys(j),`model/${f}`,"model/SHA256SUMS",b,"onnxruntime/",...u.map(g=>`kubernetes/${g.path}`)].sort(),arches:A,labels:V}}catch(b){throw Xe(l,{recursive:!0,force:!0}),b}}async function zt({values:e,given:t},r){let o=K(e.config,{explicit:t.has("config")}),c=J(o.config.registry),n=G(r,e.repository),s=n?await H(r):void 0;return Ee({ref:e.model,registryDir:e.registry??c.path,registryOptions:{store:c.store,...s&&n?{github:{client:s,repository:n.fullName}}:{}},out:e.out,...e.image!==void 0?{image:e.image}:{},...n?{sourceUrl:`${r.env.serverUrl}/${n.fullName}`}:{},env:r.processEnv,log:r.log})}export{zt as a};
