import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
function n(e){if(e===0)return"0%";let t=e*100;return`${t<.1?"<0.1":t<10?t.toFixed(1):t.toFixed(0)}%`}export{n as a};
