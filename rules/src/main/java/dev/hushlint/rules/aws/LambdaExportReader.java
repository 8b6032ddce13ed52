package dev.hushlint.rules.aws;

import dev.hushlint.engine.InputException;
import dev.hushlint.engine.InputReader;
import dev.hushlint.engine.TextFile;
import dev.hushlint.rules.tree.Node;

/**
 * Reads the JSON that {@code aws lambda list-functions}, {@code get-function-configuration} and
 * {@code get-function} print, recognised by content. hushlint's own inventory is left alone here (its values
 * are redacted; the live scan reads it itself).
 */
public final class LambdaExportReader implements InputReader<LambdaExport> {

    @Override
    public Class<LambdaExport> inputType() {
        return LambdaExport.class;
    }

    @Override
    public boolean accepts(TextFile file) {
        return file.extension().equals("json") && file.text().contains("\"FunctionArn\"");
    }

    @Override
    public LambdaExport read(TextFile file) throws InputException {
        Node root = ExportFiles.parse(file);
        return AwsExports.isInventory(root) ? null : AwsExports.lambdaFunctions(file.path(), root);
    }
}
