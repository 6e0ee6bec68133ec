// The security page lists passkeys from the server: show the new one once it is registered.
document.addEventListener("otp_webauthn.register_complete", () => {
  window.setTimeout(() => window.location.reload(), 800);
});
