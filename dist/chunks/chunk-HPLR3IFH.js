import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
import{h as a,i as c,j as n}from"./chunk-E24SOUZY.js";function t(e=process.env){return!!(e.ACTIONS_CACHE_URL||e.ACTIONS_RESULTS_URL)&&!!e.ACTIONS_RUNTIME_TOKEN&&a()}function i(e=process.env){if(t(e))return{restore:(r,s)=>c(r,s),save:async(r,s)=>{await n(r,s)}}}export{t as a,i as b};
