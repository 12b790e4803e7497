package org.tessera.linkeddata;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.sparql.util.Context;

import java.io.ByteArrayInputStream;
import java.net.URI;

/**
 * A JSON-LD document loader that knows Tessera's context and nothing else, so
 * that reading our JSON-LD never reaches the network. For Jena:
 * {@code RDFParser.source(in).lang(Lang.JSONLD).context(ContextLoader.jenaContext())}.
 */
public final class ContextLoader implements DocumentLoader {
    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        if (!url.toString().equals(JsonLdWriter.CONTEXT_IRI)) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "Not fetching " + url + ": only Tessera's context is known");
        }
        Document document = JsonDocument.of(new ByteArrayInputStream(JsonLdWriter.contextBytes()));
        document.setDocumentUrl(url);
        return document;
    }

    /** A Jena parser context whose JSON-LD reader uses this loader. */
    public static Context jenaContext() {
        JsonLdOptions options = new JsonLdOptions();
        options.setDocumentLoader(new ContextLoader());
        Context context = new Context();
        context.set(LangJSONLD11.JSONLD_OPTIONS, options);
        return context;
    }
}
