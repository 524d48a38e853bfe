package org.computerwa.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkCheckerTest {

  @Test
  void reportsAMissingPageAMissingAnchorAndAMissingImageButNotExternalLinks(@TempDir Path site) throws Exception {
    Files.createDirectories(site.resolve("apidocs/org/x"));
    Files.writeString(site.resolve("index.html"), "<html><body>"
        + "<a href='guide.html#setup'>ok</a>"
        + "<a href='guide.html#nowhere'>bad anchor</a>"
        + "<a href='missing.html'>bad page</a>"
        + "<a href='https://example.org/x.html'>external</a>"
        + "<a href='apidocs/org/x/A.html#m(java.lang.String)'>javadoc member</a>"
        + "<a href='apidocs/org/x/A.html#%3Cinit%3E()'>javadoc constructor</a>"
        + "<img src='images/none.png'>"
        + "<a href='#top'>self</a><span id='top'></span>"
        + "</body></html>");
    Files.writeString(site.resolve("guide.html"), "<html><body><h2 id='setup'>Setup</h2><a name='old'></a>"
        + "<a href='index.html#top'>back</a><a href='./'>dir</a></body></html>");
    Files.writeString(site.resolve("apidocs/org/x/A.html"),
        "<html><body><section id='m(java.lang.String)'></section><section id='&lt;init&gt;()'></section></body></html>");

    LinkChecker checker = new LinkChecker(site);
    assertThat(checker.check())
        .containsExactlyInAnyOrder(
            "index.html -> guide.html#nowhere: no anchor 'nowhere' in guide.html",
            "index.html -> missing.html: no such file missing.html",
            "index.html -> images/none.png: no such file images/none.png");
    assertThat(checker.pagesChecked()).isEqualTo(3);
    assertThat(checker.linksChecked()).isEqualTo(9);
  }
}
