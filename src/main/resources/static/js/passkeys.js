// Passkeys with Spring Security's WebAuthn endpoints. Buttons say what they do in data-passkey
// ("register" on the security page, "sign-in" on the sign-in pages) and carry the addresses to call;
// the parts marked .passkey-only stay hidden in browsers without WebAuthn.
(function () {
  "use strict";

  function fromBase64url(text) {
    var base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    var binary = atob(base64 + "===".slice((base64.length + 3) % 4));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function toBase64url(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i]);
    }
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function post(url, body) {
    var headers = { "Content-Type": "application/json", "Accept": "application/json" };
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      headers[header.content] = token.content;
    }
    return fetch(url, { method: "POST", credentials: "same-origin", headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body) }).then(function (response) {
      if (!response.ok) {
        throw new Error("the server answered " + response.status);
      }
      return response.json();
    });
  }

  function say(button, text) {
    var status = document.getElementById(button.dataset.status);
    if (status) {
      status.textContent = text;
    }
  }

  function register(button) {
    var label = document.getElementById(button.dataset.label).value.trim();
    if (!label) {
      say(button, "Give the passkey a name first (which device or key it is).");
      return;
    }
    say(button, "Follow your browser's prompt…");
    post(button.dataset.options).then(function (options) {
      options.user.id = fromBase64url(options.user.id);
      options.challenge = fromBase64url(options.challenge);
      options.excludeCredentials = (options.excludeCredentials || []).map(function (c) {
        return Object.assign({}, c, { id: fromBase64url(c.id) });
      });
      return navigator.credentials.create({ publicKey: options });
    }).then(function (credential) {
      var response = credential.response;
      return post(button.dataset.register, { publicKey: { label: label, credential: {
        id: credential.id,
        rawId: toBase64url(credential.rawId),
        type: credential.type,
        response: {
          attestationObject: toBase64url(response.attestationObject),
          clientDataJSON: toBase64url(response.clientDataJSON),
          transports: response.getTransports ? response.getTransports() : []
        },
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment
      } } });
    }).then(function (result) {
      if (!result || !result.success) {
        throw new Error("the passkey was not accepted");
      }
      window.location.assign(button.dataset.done + "?passkeyAdded");
    }).catch(function (error) {
      say(button, "No passkey was added: " + error.message);
    });
  }

  function signIn(button) {
    say(button, "Follow your browser's prompt…");
    post(button.dataset.options).then(function (options) {
      options.challenge = fromBase64url(options.challenge);
      options.allowCredentials = (options.allowCredentials || []).map(function (c) {
        return Object.assign({}, c, { id: fromBase64url(c.id) });
      });
      return navigator.credentials.get({ publicKey: options });
    }).then(function (credential) {
      var response = credential.response;
      return post(button.dataset.login, {
        id: credential.id,
        rawId: toBase64url(credential.rawId),
        credType: credential.type,
        response: {
          authenticatorData: toBase64url(response.authenticatorData),
          clientDataJSON: toBase64url(response.clientDataJSON),
          signature: toBase64url(response.signature),
          userHandle: response.userHandle ? toBase64url(response.userHandle) : undefined
        },
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment
      });
    }).then(function (result) {
      if (!result || !result.authenticated) {
        throw new Error("the passkey was not accepted");
      }
      window.location.assign(result.redirectUrl || "/");
    }).catch(function (error) {
      say(button, "Not signed in with a passkey: " + error.message);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!window.PublicKeyCredential) {
      return;
    }
    document.querySelectorAll(".passkey-only").forEach(function (part) {
      part.hidden = false;
    });
    document.querySelectorAll("[data-passkey]").forEach(function (button) {
      button.addEventListener("click", function () {
        if (button.dataset.passkey === "register") {
          register(button);
        } else {
          signIn(button);
        }
      });
    });
  });
})();
