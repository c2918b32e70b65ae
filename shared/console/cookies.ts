// The cookie helpers live in shared/http, where the OAuth pages use them too.
export { COOKIES, clearCookie, cookiesOf, setCookie } from '../http/cookies.js';
