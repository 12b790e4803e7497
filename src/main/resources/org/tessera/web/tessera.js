// The query page: YASGUI on this server's endpoint, with the curated queries
// one click away. Nothing is fetched from outside this server.
(function () {
  "use strict";

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function start(library) {
    var endpoint = new URL(library.endpoint, window.location.href).href;
    document.getElementById("endpoint").textContent = endpoint;
    // Remote autocompleters (prefix.cc, LOV) and the public endpoint list stay off.
    Yasgui.Yasqe.defaults.autocompleters = ["variables"];
    var yasgui = new Yasgui(document.getElementById("editor"), {
      requestConfig: { endpoint: endpoint, method: "POST" },
      copyEndpointOnNewTab: true,
      endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
      persistenceId: "tessera-" + window.location.host
    });
    var list = document.getElementById("queries");
    library.queries.forEach(function (query) {
      var item = element("li");
      item.dataset.search = (query.title + " " + query.keywords.join(" ") + " " + query.name).toLowerCase();
      var open = element("button", "open", query.title);
      open.type = "button";
      open.title = query.name + ".rq";
      open.addEventListener("click", function () {
        var tab = yasgui.addTab(true, { name: query.title, requestConfig: { endpoint: endpoint } });
        if (typeof tab === "string") tab = yasgui.getTab(tab);
        tab.setQuery(query.text);
      });
      item.appendChild(open);
      item.appendChild(element("p", "description", query.description));
      if (query.keywords.length) item.appendChild(element("p", "keywords", query.keywords.join(", ")));
      list.appendChild(item);
    });
    document.getElementById("filter").addEventListener("input", function (event) {
      var words = event.target.value.toLowerCase().split(/\s+/).filter(Boolean);
      Array.prototype.forEach.call(list.children, function (item) {
        item.hidden = !words.every(function (w) { return item.dataset.search.indexOf(w) >= 0; });
      });
    });
  }

  fetch("api/queries", { headers: { Accept: "application/json" } })
    .then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    })
    .then(start)
    .catch(function (error) {
      var message = document.getElementById("library-error");
      message.hidden = false;
      message.textContent = "The curated queries could not be loaded: " + error.message;
    });
})();
