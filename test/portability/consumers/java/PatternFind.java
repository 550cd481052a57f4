// java.util.regex as JSON Schema uses it (Matcher.find: "somewhere in the string").
// Reads lines "<base64 pattern>\t<base64 value>" (UTF-8) on stdin, prints 1 or 0 per line.
//   java PatternFind.java < pairs.txt
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

public class PatternFind {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Base64.Decoder decoder = Base64.getDecoder();
        StringBuilder out = new StringBuilder();
        for (String line; (line = in.readLine()) != null; ) {
            if (line.isEmpty()) continue;
            String[] parts = line.split("\t", -1);
            String pattern = new String(decoder.decode(parts[0]), StandardCharsets.UTF_8);
            String value = new String(decoder.decode(parts[1]), StandardCharsets.UTF_8);
            out.append(Pattern.compile(pattern).matcher(value).find() ? '1' : '0').append('\n');
        }
        System.out.print(out);
    }
}
