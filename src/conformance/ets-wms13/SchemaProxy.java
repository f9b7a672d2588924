import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * An HTTP proxy for the suite's JVM on a machine that cannot reach schemas.opengis.net: answers
 * {@code http://schemas.opengis.net/PATH} with PATH from the official OGC schema jars given (org.jvnet.ogc's
 * wms-v_1_3_0-schema, sld-v_1_1_0-schema …, which hold the schemas under the same paths), and 404 for anything else.
 * Usage: java SchemaProxy.java PORT JAR...
 */
public class SchemaProxy {
    public static void main(String[] args) throws Exception {
        URL[] jars = new URL[args.length - 1];
        for (int i = 1; i < args.length; i++) {
            jars[i - 1] = Path.of(args[i]).toUri().toURL();
        }
        ClassLoader schemas = new URLClassLoader(jars, null);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
        server.createContext("/", ex -> {
            var uri = ex.getRequestURI();
            InputStream in = "schemas.opengis.net".equals(uri.getHost())
                    ? schemas.getResourceAsStream(uri.getPath().replaceFirst("^/", "")) : null;
            System.out.println((in == null ? "404 " : "200 ") + uri);
            if (in == null) {
                ex.sendResponseHeaders(404, -1);
                ex.close();
                return;
            }
            byte[] body = in.readAllBytes();
            ex.getResponseHeaders().set("Content-Type", "application/xml");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }
}
