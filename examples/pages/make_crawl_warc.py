#!/usr/bin/env python3
"""Writes crawl.warc: a small WARC 1.1 file with two HTML pages as a crawler
would store them (warcinfo, request and response records; the second response
uses chunked transfer coding). The pages are fiction written for veille.
Run from this directory: python3 make_crawl_warc.py"""

PAGE_EN = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Night trains return to the coast line after a decade | Harbour Evening Post</title>
<meta property="og:title" content="Night trains return to the coast line after a decade">
<meta property="og:site_name" content="Harbour Evening Post">
<meta property="article:published_time" content="2025-02-17T18:05:00+00:00">
<meta name="author" content="Gareth Pryce">
</head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/travel">Travel</a></nav>
<div class="cookie-notice"><p>This site uses cookies. By continuing you agree to our cookie policy and to personalised advertising.</p></div>
<main>
<article>
<h1>Night trains return to the coast line after a decade</h1>
<div class="article-text">
<p>A sleeper service between the capital and the western coast will run again from May, ten years after the last night train was withdrawn, the regional rail authority announced on Monday.</p>
<p>The train will leave at 23:40 on four nights a week and reach the coast shortly after 7 in the morning. Tickets will start at &pound;45 for a seat and &pound;120 for a cabin, according to the authority.</p>
<p>&ldquo;People kept asking us for it,&rdquo; said Imogen Hartley, who chairs the passenger group that campaigned for the service. &ldquo;Now we have to fill it.&rdquo;</p>
</div>
<div class="social-share"><a href="https://social.example/share">Share</a> <a href="https://social.example/post">Post</a></div>
</article>
<aside class="related"><h2>Related</h2><ul><li><a href="/a">Coast line closed for two weekends of engineering work</a></li></ul></aside>
</main>
<footer><p>Harbour Evening Post, all rights reserved.</p></footer>
</body>
</html>
"""

PAGE_FR = """<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>La criée de Port-Lannec ferme une semaine pour travaux</title>
<meta property="og:site_name" content="L'Écho des Abers">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-02-16T09:00:00+01:00","author":{"@type":"Person","name":"Anne-Sophie Kerjean"}}</script>
</head>
<body>
<header><a href="/">L'Écho des Abers</a><nav><a href="/mer">Mer</a> <a href="/agenda">Agenda</a></nav></header>
<div id="contenu">
<h1>La criée de Port-Lannec ferme une semaine pour travaux</h1>
<div class="partage"><a href="https://social.example/partager">Partager</a></div>
<div class="texte">
<p>La halle à marée de Port-Lannec restera fermée du 24 février au 2 mars. La chambre de commerce, qui la gère, doit y remplacer les chambres froides, installées en 1998.</p>
<p>Pendant la fermeture, les bateaux débarqueront leur pêche à la criée voisine de Kerhuel, à une vingtaine de kilomètres. « Ce n'est pas idéal, mais c'est une semaine », estime un patron pêcheur.</p>
<p>Le chantier est estimé à 640 000 euros, financés pour moitié par la région.</p>
</div>
<div class="pub"><p>Publicité</p></div>
</div>
<footer><p>© L'Écho des Abers</p></footer>
</body>
</html>
"""


def record(warc_type, headers, block):
    lines = ["WARC/1.1", f"WARC-Type: {warc_type}"] + headers + [f"Content-Length: {len(block)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def http_response(body, chunked=False):
    head = ["HTTP/1.1 200 OK", "Content-Type: text/html; charset=utf-8"]
    if chunked:
        head.append("Transfer-Encoding: chunked")
        half = len(body) // 2
        parts = [body[:half], body[half:]]
        body = b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in parts) + b"0\r\n\r\n"
    else:
        head.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


def main():
    out = b""
    info = b"software: hand-made for veille examples\r\nformat: WARC File Format 1.1\r\n"
    out += record("warcinfo", ["WARC-Date: 2025-02-18T10:00:00Z",
                               "WARC-Record-ID: <urn:uuid:2b6c1a52-9f0e-4a39-8f3b-0c1d2e3f4a01>",
                               "Content-Type: application/warc-fields"], info)
    pages = [("https://harbour-post.example/travel/night-trains-return", PAGE_EN, False, "02"),
             ("https://echo-abers.example/mer/criee-port-lannec-travaux", PAGE_FR, True, "03")]
    for uri, page, chunked, n in pages:
        request = (f"GET {uri.split('.example', 1)[1]} HTTP/1.1\r\n"
                   f"Host: {uri.split('/')[2]}\r\nUser-Agent: example-crawler\r\n\r\n").encode()
        out += record("request", [f"WARC-Target-URI: {uri}", "WARC-Date: 2025-02-18T10:00:05Z",
                                  f"WARC-Record-ID: <urn:uuid:2b6c1a52-9f0e-4a39-8f3b-0c1d2e3f4a{n}>",
                                  "Content-Type: application/http; msgtype=request"], request)
        out += record("response", [f"WARC-Target-URI: {uri}", "WARC-Date: 2025-02-18T10:00:06Z",
                                   f"WARC-Record-ID: <urn:uuid:2b6c1a52-9f0e-4a39-8f3b-0c1d2e3f4b{n}>",
                                   "Content-Type: application/http; msgtype=response"],
                      http_response(page.encode(), chunked))
    with open("crawl.warc", "wb") as f:
        f.write(out)


if __name__ == "__main__":
    main()
