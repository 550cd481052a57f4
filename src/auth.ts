// apig-app-contract/auth: Huawei's SDK-HMAC-SHA256 signature of a request, for code that sends
// its own (the client signs its requests itself, loading the signer only for AK/SK).
export { signRequest, formatSdkDate, type SignableRequest, type AkSkCredentials, type SignatureHeaders, type SignOptions } from './auth/sign-request.js';
