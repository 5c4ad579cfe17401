// A print button without inline script (the CSP forbids inline scripts).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});
