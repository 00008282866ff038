package org.pando.blobs;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * One page of an S3 ListObjectsV2 answer: the objects' keys and sizes, and the token of the next page when the
 * answer is cut short.
 */
record ListPage(List<BlobInfo> blobs, Optional<String> next) {

    static ListPage parse(String xml) {
        Document doc = document(xml);
        List<BlobInfo> blobs = new ArrayList<>();
        NodeList contents = doc.getElementsByTagName("Contents");
        for (int i = 0; i < contents.getLength(); i++) {
            Element c = (Element) contents.item(i);
            blobs.add(new BlobInfo(text(c, "Key"), Long.parseLong(text(c, "Size"))));
        }
        Element root = doc.getDocumentElement();
        boolean truncated = "true".equals(text(root, "IsTruncated"));
        String token = text(root, "NextContinuationToken");
        return new ListPage(blobs, truncated && !token.isEmpty() ? Optional.of(token) : Optional.empty());
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }

    private static Document document(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException e) {
            throw new UncheckedIOException(new IOException("The object store's listing is not XML it understands", e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
