package org.clustergrid.render.sld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clustergrid.render.LegendItem;
import org.clustergrid.render.Symbol;
import org.clustergrid.render.Symbol.Fill;
import org.clustergrid.render.Symbol.Line;
import org.clustergrid.render.Symbol.Marker;
import org.clustergrid.render.Symbol.MarkerShape;
import org.junit.jupiter.api.Test;

class SldParserTest {
    static final String SLD10 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld"
                xmlns:ogc="http://www.opengis.net/ogc">
              <NamedLayer><Name>countries</Name>
                <UserStyle><Name>nepal_red</Name><Title>Nepal in red</Title>
                  <FeatureTypeStyle>
                    <Rule><Name>npl</Name><Title>Nepal</Title>
                      <ogc:Filter><ogc:PropertyIsEqualTo>
                        <ogc:PropertyName>A3</ogc:PropertyName><ogc:Literal>NPL</ogc:Literal>
                      </ogc:PropertyIsEqualTo></ogc:Filter>
                      <PolygonSymbolizer>
                        <Fill><CssParameter name="fill">#FF0000</CssParameter></Fill>
                        <Stroke><CssParameter name="stroke">#000000</CssParameter>
                          <CssParameter name="stroke-width">2</CssParameter></Stroke>
                      </PolygonSymbolizer>
                    </Rule>
                    <Rule><Title>Others</Title><ElseFilter/>
                      <PolygonSymbolizer><Fill><CssParameter name="fill">#00AA00</CssParameter>
                        <CssParameter name="fill-opacity">0.5</CssParameter></Fill></PolygonSymbolizer>
                    </Rule>
                  </FeatureTypeStyle>
                </UserStyle>
              </NamedLayer>
            </StyledLayerDescriptor>
            """;

    static final String SLD11 = """
            <StyledLayerDescriptor version="1.1.0" xmlns="http://www.opengis.net/sld"
                xmlns:se="http://www.opengis.net/se" xmlns:ogc="http://www.opengis.net/ogc">
              <NamedLayer><se:Name>sites</se:Name>
                <UserStyle><se:Name>by_size</se:Name><se:Description><se:Title>Sites</se:Title></se:Description>
                  <se:FeatureTypeStyle>
                    <se:Rule><se:Name>big</se:Name>
                      <ogc:Filter><ogc:And>
                        <ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>workers</ogc:PropertyName>
                          <ogc:Literal>100</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>
                        <ogc:Not><ogc:PropertyIsNull><ogc:PropertyName>name</ogc:PropertyName></ogc:PropertyIsNull></ogc:Not>
                      </ogc:And></ogc:Filter>
                      <se:MaxScaleDenominator>1000000</se:MaxScaleDenominator>
                      <se:PointSymbolizer><se:Graphic><se:Mark><se:WellKnownName>star</se:WellKnownName>
                        <se:Fill><se:SvgParameter name="fill">#0000ff</se:SvgParameter></se:Fill></se:Mark>
                        <se:Size>12</se:Size></se:Graphic></se:PointSymbolizer>
                      <se:TextSymbolizer><se:Label><ogc:PropertyName>name</ogc:PropertyName></se:Label></se:TextSymbolizer>
                    </se:Rule>
                    <se:Rule><se:Name>roads</se:Name>
                      <ogc:Filter><ogc:PropertyIsLike wildCard="*" singleChar="." escapeChar="!">
                        <ogc:PropertyName>name</ogc:PropertyName><ogc:Literal>*road</ogc:Literal></ogc:PropertyIsLike></ogc:Filter>
                      <se:LineSymbolizer><se:Stroke><se:SvgParameter name="stroke">#336699</se:SvgParameter>
                        <se:SvgParameter name="stroke-width">3</se:SvgParameter>
                        <se:SvgParameter name="stroke-dasharray">4 2</se:SvgParameter></se:Stroke></se:LineSymbolizer>
                    </se:Rule>
                  </se:FeatureTypeStyle>
                </UserStyle>
              </NamedLayer>
            </StyledLayerDescriptor>
            """;

    static Map<String, Object> attrs(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void readsAnSld10StyleWithAFilterAndAnElseRule() {
        Sld sld = SldParser.parse(SLD10);
        UserStyle s = sld.styleFor("countries");
        assertThat(s.name()).isEqualTo("nepal_red");
        assertThat(s.displayTitle()).isEqualTo("Nepal in red");
        List<Symbol> nepal = s.symbols(attrs("A3", "NPL"), 1e6);
        assertThat(nepal).containsExactly(new Fill(Color.RED, Color.BLACK, 2));
        Fill india = (Fill) s.symbols(attrs("A3", "IND"), 1e6).get(0);
        assertThat(india.fill()).isEqualTo(new Color(0x00, 0xAA, 0x00, 128));
        assertThat(india.stroke()).isNull();
        List<LegendItem> legend = s.legend();
        assertThat(legend).extracting(LegendItem::label).containsExactly("Nepal", "Others");
        // a copied style names another layer: its first style is used
        assertThat(sld.styleFor("districts").name()).isEqualTo("nepal_red");
    }

    @Test
    void readsAnSe11StyleWithLogicLikeAndScaleRanges() {
        UserStyle s = SldParser.parse(SLD11).styleFor("sites");
        assertThat(s.displayTitle()).isEqualTo("Sites");
        Marker m = (Marker) s.symbols(attrs("workers", 120L, "name", "Upper site"), 5e5).get(0);
        assertThat(m.shape()).isEqualTo(MarkerShape.STAR);
        assertThat(m.size()).isEqualTo(12f);
        assertThat(m.fill()).isEqualTo(Color.BLUE);
        assertThat(m.stroke()).isNull();
        assertThat(s.symbols(attrs("workers", 120L, "name", "Upper site"), 2e6)).as("beyond the max scale").isEmpty();
        assertThat(s.symbols(attrs("workers", 99L, "name", "x"), 5e5)).isEmpty();
        assertThat(s.symbols(attrs("workers", 120L), 5e5)).as("name is null").isEmpty();
        Line l = (Line) s.symbols(attrs("name", "Feeder road"), 5e5).get(0);
        assertThat(l.color()).isEqualTo(new Color(0x336699));
        assertThat(l.width()).isEqualTo(3f);
        assertThat(l.dash()).containsExactly(4f, 2f);
        assertThat(s.symbols(attrs("name", "Feeder roads"), 5e5)).isEmpty();
    }

    static String filtered(String filter) {
        return """
                <StyledLayerDescriptor xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
                <NamedLayer><Name>x</Name><UserStyle><FeatureTypeStyle><Rule>
                <ogc:Filter>%s</ogc:Filter>
                <LineSymbolizer><Stroke/></LineSymbolizer></Rule></FeatureTypeStyle></UserStyle></NamedLayer>
                </StyledLayerDescriptor>""".formatted(filter);
    }

    static boolean matches(String filter, Map<String, Object> a) {
        return !SldParser.parse(filtered(filter)).styleFor("x").symbols(a, 1).isEmpty();
    }

    static String cmp(String op, String property, String literal) {
        return "<ogc:%s><ogc:PropertyName>%s</ogc:PropertyName><ogc:Literal>%s</ogc:Literal></ogc:%s>"
                .formatted(op, property, literal, op);
    }

    @Test
    void comparesNumbersAsNumbersAndTextAsText() {
        assertThat(matches(cmp("PropertyIsLessThan", "n", "10"), attrs("n", 9L))).isTrue();
        assertThat(matches(cmp("PropertyIsLessThan", "n", "10"), attrs("n", 10.0))).isFalse();
        assertThat(matches(cmp("PropertyIsLessThanOrEqualTo", "n", "10"), attrs("n", 10.0))).isTrue();
        assertThat(matches(cmp("PropertyIsGreaterThan", "n", "9.5"), attrs("n", 10L))).isTrue();
        assertThat(matches(cmp("PropertyIsEqualTo", "n", "5"), attrs("n", 5.0))).isTrue();
        assertThat(matches(cmp("PropertyIsNotEqualTo", "t", "NPL"), attrs("t", "IND"))).isTrue();
        // text compares as text: "10" sorts before "9", and "007" is not "7"
        assertThat(matches(cmp("PropertyIsLessThan", "t", "9"), attrs("t", "10"))).isTrue();
        assertThat(matches(cmp("PropertyIsEqualTo", "t", "7"), attrs("t", "007"))).isFalse();
        assertThat(matches(cmp("PropertyIsEqualTo", "t", "npl"), attrs("t", "NPL"))).isFalse();
        assertThat(matches(cmp("PropertyIsEqualTo matchCase=\"false\"", "t", "npl").replace(
                "</ogc:PropertyIsEqualTo matchCase=\"false\">", "</ogc:PropertyIsEqualTo>"), attrs("t", "NPL")))
                .isTrue();
        assertThat(matches(cmp("PropertyIsEqualTo", "b", "true"), attrs("b", true))).isTrue();
        assertThat(matches(cmp("PropertyIsEqualTo", "missing", "x"), attrs())).isFalse();
        String between = "<ogc:PropertyIsBetween><ogc:PropertyName>n</ogc:PropertyName><ogc:LowerBoundary>"
                + "<ogc:Literal>1</ogc:Literal></ogc:LowerBoundary><ogc:UpperBoundary><ogc:Literal>5</ogc:Literal>"
                + "</ogc:UpperBoundary></ogc:PropertyIsBetween>";
        assertThat(matches(between, attrs("n", 5L))).isTrue();
        assertThat(matches(between, attrs("n", 6L))).isFalse();
        String or = "<ogc:Or>" + cmp("PropertyIsEqualTo", "t", "A") + cmp("PropertyIsEqualTo", "t", "B") + "</ogc:Or>";
        assertThat(matches(or, attrs("t", "B"))).isTrue();
        assertThat(matches(or, attrs("t", "C"))).isFalse();
        String like = "<ogc:PropertyIsLike wildCard=\"%\" singleChar=\"_\" escape=\"\\\"><ogc:PropertyName>t"
                + "</ogc:PropertyName><ogc:Literal>K_th%</ogc:Literal></ogc:PropertyIsLike>";
        assertThat(matches(like, attrs("t", "Kathmandu"))).isTrue();
        assertThat(matches(like, attrs("t", "Kthmandu"))).isFalse();
    }

    @Test
    void aLikePatternOfManyWildcardsIsQuick() {
        String pattern = "*a".repeat(200) + "b";
        LikePattern p = LikePattern.of(pattern, "*", ".", "\\", true);
        long t = System.nanoTime();
        assertThat(p.matches("a".repeat(5000))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - t)).isLessThan(Duration.ofSeconds(2));
    }

    static String polygon(String fill) {
        return """
                <StyledLayerDescriptor xmlns="http://www.opengis.net/sld"><NamedLayer><Name>x</Name><UserStyle>
                <FeatureTypeStyle><Rule><PolygonSymbolizer><Fill>%s</Fill></PolygonSymbolizer></Rule>
                </FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>""".formatted(fill);
    }

    @Test
    void refusesBadValuesNamingThem() {
        assertThatThrownBy(() -> SldParser.parse(polygon("<CssParameter name=\"fill\">red</CssParameter>")))
                .isInstanceOf(SldException.class).hasMessageContaining("fill 'red' is not a colour #RRGGBB");
        assertThatThrownBy(() -> SldParser.parse(polygon("<CssParameter name=\"fill\">#12345</CssParameter>")))
                .hasMessageContaining("#12345");
        assertThatThrownBy(() -> SldParser.parse(polygon("<CssParameter name=\"fill-opacity\">2</CssParameter>")))
                .hasMessageContaining("fill-opacity must be between 0 and 1");
        assertThatThrownBy(() -> SldParser.parse(polygon("<CssParameter name=\"fill\"><ogc:PropertyName "
                + "xmlns:ogc=\"http://www.opengis.net/ogc\">c</ogc:PropertyName></CssParameter>")))
                .hasMessageContaining("values from feature properties are not supported");
        assertThatThrownBy(() -> SldParser.parse(filtered("<ogc:FeatureId fid=\"x.1\"/>")))
                .hasMessageContaining("the filter operator FeatureId is not supported");
        assertThatThrownBy(() -> SldParser.parse(SLD10.replace("<Name>npl</Name>",
                "<MinScaleDenominator>5</MinScaleDenominator><MaxScaleDenominator>5</MaxScaleDenominator>")))
                .hasMessageContaining("MinScaleDenominator");
    }

    @Test
    void aDocumentWithNothingToDrawSaysWhatIsMissing() {
        assertThatThrownBy(() -> SldParser.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> SldParser.parse("<StyledLayerDescriptor/>"))
                .hasMessageContaining("no NamedLayer or UserLayer");
        assertThatThrownBy(() -> SldParser.parse("<a/>")).hasMessageContaining("StyledLayerDescriptor");
        assertThatThrownBy(() -> SldParser.parse("<StyledLayerDescriptor><NamedLayer><Name>x</Name></NamedLayer>"
                + "</StyledLayerDescriptor>")).hasMessageContaining("NamedLayer x has no UserStyle");
        assertThatThrownBy(() -> SldParser.parse("<StyledLayerDescriptor><NamedLayer><Name>x</Name><UserStyle>"
                + "<Name>s</Name></UserStyle></NamedLayer></StyledLayerDescriptor>"))
                .hasMessageContaining("UserStyle s has no FeatureTypeStyle");
        assertThatThrownBy(() -> SldParser.parse("<StyledLayerDescriptor><NamedLayer><Name>x</Name><UserStyle>"
                + "<FeatureTypeStyle/></UserStyle></NamedLayer></StyledLayerDescriptor>"))
                .hasMessageContaining("has no Rule");
        assertThatThrownBy(() -> SldParser.parse("<StyledLayerDescriptor><NamedLayer><Name>x</Name><UserStyle>"
                + "<FeatureTypeStyle><Rule><TextSymbolizer/></Rule></FeatureTypeStyle></UserStyle></NamedLayer>"
                + "</StyledLayerDescriptor>")).hasMessageContaining("has no rule that draws");
        assertThatThrownBy(() -> SldParser.parse("<StyledLayerDescriptor><NamedLayer>")).isInstanceOf(
                SldException.class).hasMessageContaining("not well-formed");
    }

    @Test
    void unknownElementsAreSkipped() {
        UserStyle s = SldParser.parse(SLD10.replace("<FeatureTypeStyle>",
                "<FeatureTypeStyle><VendorOption name=\"x\">1</VendorOption><Whatever><Deep/></Whatever>"))
                .styleFor("countries");
        assertThat(s.legend()).hasSize(2);
    }

    @Test
    void refusesDoctypesExternalEntitiesAndEntityExpansionQuickly() {
        String external = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<StyledLayerDescriptor><NamedLayer><Name>&e;</Name></NamedLayer></StyledLayerDescriptor>";
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";")
                    .repeat(10)).append("\">");
        }
        laughs.append("]><StyledLayerDescriptor><NamedLayer><Name>&lol9;</Name></NamedLayer>"
                + "</StyledLayerDescriptor>");
        String dtd = "<!DOCTYPE StyledLayerDescriptor SYSTEM \"http://127.0.0.1:9/sld.dtd\">" + SLD10.substring(
                SLD10.indexOf("<StyledLayerDescriptor"));
        for (String doc : List.of(external, laughs.toString(), dtd)) {
            long t = System.nanoTime();
            assertThatThrownBy(() -> SldParser.parse(doc)).isInstanceOf(SldException.class)
                    .hasMessage("SLD must not contain a DOCTYPE (external entities and entity expansion are refused)");
            assertThat(Duration.ofNanos(System.nanoTime() - t)).isLessThan(Duration.ofSeconds(1));
        }
        String xinclude = SLD10.replace("<Name>npl</Name>", "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\""
                + " href=\"file:///etc/passwd\" parse=\"text\"/>");
        assertThat(SldParser.parse(xinclude).styleFor("countries").legend()).hasSize(2); // not followed: skipped
    }

    @Test
    void refusesAnOversizeDocument() {
        String big = SLD10.replace("<Title>Others</Title>", "<Title>" + "x".repeat(SldParser.MAX_BYTES) + "</Title>");
        assertThatThrownBy(() -> SldParser.parse(big)).hasMessageContaining("larger than 256 KB");
        String multiByte = SLD10.replace("<Title>Others</Title>", "<Title>" + "न".repeat(SldParser.MAX_BYTES / 3 + 1)
                + "</Title>");
        assertThatThrownBy(() -> SldParser.parse(multiByte)).hasMessageContaining("larger than 256 KB");
    }
}
