import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
function n(e){return Math.round((1-e)*1e12)/1e12}export{n as a};
