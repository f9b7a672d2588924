import com.occamlab.te.SetupOptions;
import com.occamlab.te.spi.ctl.CtlExecutor;
import java.io.File;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Runs ets-wms13's CTL suite as its CtlController does, with the test run arguments built as a DOM directly: the
 * controller's own conversion parses a document naming java.sun.com's properties DTD, which this machine cannot reach.
 */
public class RunEts {
    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        try (var in = new java.io.FileInputStream(args[0])) {
            p.loadFromXML(in);
        }
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        Element root = doc.createElement("properties");
        doc.appendChild(root);
        for (String k : p.stringPropertyNames()) {
            Element e = doc.createElement("entry");
            e.setAttribute("key", k);
            e.setTextContent(p.getProperty(k));
            root.appendChild(e);
        }
        SetupOptions opts = new SetupOptions();
        opts.addSource(new File(SetupOptions.getBaseConfigDirectory(), "scripts/wms13/1.3.0/ctl/main-auto.xml"));
        Source results = new CtlExecutor(opts).execute(doc);
        System.out.println("Test results: " + results.getSystemId());
    }
}
