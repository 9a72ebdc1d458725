// Behaviour of the Pilotis demo site (no framework, no build).

// Links marked data-spa swap in the target page's <main> and push its URL, as a single-page app would:
// the Sillage tracker sees a history.pushState navigation, not a page load. Every such URL also exists as
// a real page, so a reload or a shared link still works.
async function show(url) {
  const page = new DOMParser().parseFromString(await (await fetch(url)).text(), "text/html");
  document.querySelector("main").replaceWith(page.querySelector("main"));
  document.querySelector(".top nav").replaceWith(page.querySelector(".top nav"));
  // Before pushState, so that the page view is reported with the new title.
  document.title = page.title;
  window.scrollTo(0, 0);
}

document.addEventListener("click", async (e) => {
  const link = e.target.closest("a[data-spa]");
  if (!link || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  await show(link.href);
  history.pushState(null, "", link.href);
});
addEventListener("popstate", () => show(location.href));

// The white-paper form: tell Sillage who downloaded it, then show the download link.
document.addEventListener("submit", (e) => {
  const form = e.target.closest("form[data-white-paper]");
  if (!form) return;
  e.preventDefault();
  const f = Object.fromEntries(new FormData(form));
  sillage("identify", { email: f.email, name: f.name, jobTitle: f.jobTitle, phone: f.phone });
  sillage("event", "download", { asset: "livre-blanc" });
  form.hidden = true;
  document.getElementById("merci").hidden = false;
});
