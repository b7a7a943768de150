package io.pixelplayer.jobs.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An S3 endpoint in front of the local S3 server that answers 403 Access Denied, as S3 does for an
 * object the caller's policy does not let it read, to every HEAD and GET of the {@code denied}
 * keys, and passes every other request through unchanged (the signature covers the bytes, so they
 * reach the server as sent). Each request gets a connection of its own ({@code Connection: close},
 * a header the signature does not cover), so that every request is seen here.
 */
final class S3AccessFront implements AutoCloseable {
  private static final String DENIED =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code>"
          + "<Message>Access Denied</Message><RequestId>0</RequestId></Error>";

  private final ServerSocket server;
  private final int backendPort;
  private final Set<String> denied;
  private final ExecutorService connections = Executors.newCachedThreadPool();

  /**
   * @param denied paths as S3 sees them, {@code /bucket/key}
   */
  S3AccessFront(int backendPort, Set<String> denied) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.backendPort = backendPort;
    this.denied = denied;
    connections.submit(this::accept);
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  private Void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        connections.submit(() -> serve(client));
      } catch (IOException e) {
        // closed
      }
    }
    return null;
  }

  private Void serve(Socket client) throws IOException {
    try (client) {
      InputStream in = client.getInputStream();
      String head = readHead(in);
      if (head == null) return null;
      String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
      String method = requestLine[0];
      String path = URLDecoder.decode(requestLine[1].split("\\?")[0], StandardCharsets.UTF_8);
      OutputStream out = client.getOutputStream();
      if ((method.equals("GET") || method.equals("HEAD")) && denied.contains(path)) {
        byte[] body = DENIED.getBytes(StandardCharsets.UTF_8);
        String response =
            "HTTP/1.1 403 Forbidden\r\nContent-Type: application/xml\r\nContent-Length: "
                + body.length
                + "\r\nConnection: close\r\n\r\n";
        out.write(response.getBytes(StandardCharsets.US_ASCII));
        if (method.equals("GET")) out.write(body);
        out.flush();
        return null;
      }
      try (Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
        OutputStream toBackend = backend.getOutputStream();
        toBackend.write(closing(head).getBytes(StandardCharsets.ISO_8859_1));
        toBackend.flush();
        // The body (and any bytes sent after a 100 Continue) flow on while the answer comes back.
        connections.submit(() -> pipe(in, toBackend, backend));
        backend.getInputStream().transferTo(out);
        out.flush();
      }
    }
    return null;
  }

  private static Void pipe(InputStream from, OutputStream to, Socket backend) {
    try {
      from.transferTo(to);
      backend.shutdownOutput();
    } catch (IOException e) {
      // one side closed: the request is over
    }
    return null;
  }

  /** The request head with {@code Connection: close} in place of any Connection header. */
  private static String closing(String head) {
    StringBuilder rewritten = new StringBuilder();
    for (String line : head.split("\r\n")) {
      if (line.isEmpty() || line.toLowerCase().startsWith("connection:")) continue;
      rewritten.append(line).append("\r\n");
    }
    return rewritten.append("Connection: close\r\n\r\n").toString();
  }

  /** Bytes up to the blank line that ends an HTTP request head, or null at end of stream. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) return null;
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    server.close();
    connections.shutdownNow();
  }
}
