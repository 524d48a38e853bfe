package org.computerwa.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Loads one page in headless Chromium and reports what a reader would notice: console errors,
 * uncaught exceptions, resources that failed to load, and images or SVG charts that did not
 * render; a full-page screenshot is written as PNG.
 */
final class PageCheck {
  /** An image or inline SVG of the page, as the browser laid it out. */
  record Picture(String tag, String source, double naturalWidth, double naturalHeight, double width, double height) {
    boolean rendered() {
      return naturalWidth > 0 && naturalHeight > 0 && width > 0 && height > 0;
    }
  }

  /** What the page showed. */
  record Result(List<String> errors, List<Picture> pictures, int screenshotWidth, int screenshotHeight) {}

  private static final String PICTURES_JS =
      "(async () => {"
          + " await Promise.all(Array.from(document.images).map(i => i.complete ? 0"
          + "   : new Promise(r => { i.addEventListener('load', r); i.addEventListener('error', r); })));"
          + " await new Promise(r => requestAnimationFrame(() => setTimeout(r, 100)));"
          + " return Array.from(document.querySelectorAll('img, svg'))"
          + "  .filter(e => !(e.parentElement && e.parentElement.closest('svg')))"
          + "  .filter(e => getComputedStyle(e).display !== 'none' && !e.closest('[hidden]'))"
          + "  .map(e => { const b = e.getBoundingClientRect(); const img = e.tagName.toLowerCase() === 'img';"
          + "    return { tag: e.tagName.toLowerCase(), src: img ? e.getAttribute('src') : (e.id || 'inline svg'),"
          + "      nw: img ? e.naturalWidth : b.width, nh: img ? e.naturalHeight : b.height, w: b.width, h: b.height }; });"
          + "})()";

  private static final int MAX_SCREENSHOT_HEIGHT = 20_000;

  private PageCheck() {}

  static Result check(Chromium browser, String url, Path screenshot) throws Exception {
    String target = browser.send(null, "Target.createTarget", Chromium.params().put("url", "about:blank"))
        .path("targetId").asText();
    String session = browser.send(null, "Target.attachToTarget",
        Chromium.params().put("targetId", target).put("flatten", true)).path("sessionId").asText();
    List<String> errors = new ArrayList<>();
    CompletableFuture<Void> loaded = new CompletableFuture<>();
    Consumer<JsonNode> listener = event -> {
      if (!session.equals(event.path("sessionId").asText())) {
        return;
      }
      JsonNode p = event.path("params");
      switch (event.path("method").asText()) {
        case "Page.loadEventFired" -> loaded.complete(null);
        case "Runtime.exceptionThrown" -> add(errors, "uncaught " + describe(p.path("exceptionDetails")));
        case "Runtime.consoleAPICalled" -> {
          String type = p.path("type").asText();
          if (type.equals("error") || type.equals("assert")) {
            List<String> args = new ArrayList<>();
            p.path("args").forEach(a -> args.add(a.has("value") ? a.get("value").asText() : a.path("description").asText()));
            add(errors, "console." + type + ": " + String.join(" ", args));
          }
        }
        case "Log.entryAdded" -> {
          JsonNode e = p.path("entry");
          if (e.path("level").asText().equals("error")) {
            add(errors, e.path("source").asText() + ": " + e.path("text").asText() + " " + e.path("url").asText(""));
          }
        }
        default -> { }
      }
    };
    browser.listen(listener);
    try {
      browser.send(session, "Page.enable", null);
      browser.send(session, "Runtime.enable", null);
      browser.send(session, "Log.enable", null);
      browser.send(session, "Emulation.setDeviceMetricsOverride", Chromium.params()
          .put("width", 1280).put("height", 900).put("deviceScaleFactor", 1).put("mobile", false));
      JsonNode nav = browser.send(session, "Page.navigate", Chromium.params().put("url", url));
      if (nav.has("errorText")) {
        add(errors, "navigation failed: " + nav.get("errorText").asText());
      } else {
        loaded.get(60, TimeUnit.SECONDS);
      }
      JsonNode value = browser.send(session, "Runtime.evaluate", Chromium.params()
          .put("expression", PICTURES_JS).put("awaitPromise", true).put("returnByValue", true))
          .path("result").path("value");
      List<Picture> pictures = new ArrayList<>();
      value.forEach(v -> pictures.add(new Picture(v.path("tag").asText(), v.path("src").asText(),
          v.path("nw").asDouble(), v.path("nh").asDouble(), v.path("w").asDouble(), v.path("h").asDouble())));
      JsonNode size = browser.send(session, "Page.getLayoutMetrics", null).path("cssContentSize");
      int width = (int) Math.ceil(size.path("width").asDouble(1280));
      int height = (int) Math.min(MAX_SCREENSHOT_HEIGHT, Math.ceil(size.path("height").asDouble(900)));
      ObjectNode clip = Chromium.params().put("x", 0).put("y", 0).put("width", width).put("height", height).put("scale", 1);
      ObjectNode shot = Chromium.params().put("format", "png").put("captureBeyondViewport", true);
      shot.set("clip", clip);
      String png = browser.send(session, "Page.captureScreenshot", shot).path("data").asText();
      Files.createDirectories(screenshot.getParent());
      Files.write(screenshot, Base64.getDecoder().decode(png));
      synchronized (errors) {
        return new Result(List.copyOf(errors), List.copyOf(pictures), width, height);
      }
    } finally {
      browser.unlisten(listener);
      browser.send(null, "Target.closeTarget", Chromium.params().put("targetId", target));
    }
  }

  private static void add(List<String> errors, String error) {
    synchronized (errors) {
      errors.add(error.trim());
    }
  }

  private static String describe(JsonNode details) {
    JsonNode ex = details.path("exception");
    String text = ex.has("description") ? ex.get("description").asText() : details.path("text").asText();
    return text + " (" + details.path("url").asText("") + ":" + details.path("lineNumber").asInt() + ")";
  }
}
